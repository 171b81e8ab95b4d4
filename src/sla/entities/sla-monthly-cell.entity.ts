import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Per (street, organisation, month) counters derived from sla_case_facts. Every counter is fixed by case
 * events alone (no "as of today" part): open inspection cases whose deadline has passed are counted at read
 * time from the facts.
 */
@Entity({ name: 'sla_monthly_cells' })
@Index('idx_sla_monthly_cells_month', ['month'])
export class SlaMonthlyCell {
  @PrimaryColumn({ name: 'street_code', type: 'varchar', length: 12 })
  streetCode: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** 'YYYY-MM'. */
  @PrimaryColumn({ type: 'char', length: 7 })
  month: string;

  /** Arbitration cases accepted (受理) in the month. */
  @Column({ name: 'arb_accepted', type: 'int', default: 0 })
  arbAccepted: number;

  /** Accepted arbitration cases closed (结案) in the month. */
  @Column({ name: 'arb_closed', type: 'int', default: 0 })
  arbClosed: number;

  /** Sum of handling days (accepted → closed) of those closures. */
  @Column({ name: 'arb_handling_days', type: 'int', default: 0 })
  arbHandlingDays: number;

  /** Inspection cases closed on or before their deadline, counted in the month they closed. */
  @Column({ name: 'ins_on_time', type: 'int', default: 0 })
  insOnTime: number;

  /** Inspection cases closed after their deadline, counted in the month the deadline passed. */
  @Column({ name: 'ins_late_closed', type: 'int', default: 0 })
  insLateClosed: number;

  /** Open inspection cases whose deadline passes (passed) in the month; counted as due only once passed. */
  @Column({ name: 'ins_open_due', type: 'int', default: 0 })
  insOpenDue: number;

  @Column({ name: 'med_concluded', type: 'int', default: 0 })
  medConcluded: number;

  @Column({ name: 'med_agreements', type: 'int', default: 0 })
  medAgreements: number;

  @Column({ name: 'med_within_15', type: 'int', default: 0 })
  medWithin15: number;

  @Column({ name: 'med_handling_days', type: 'int', default: 0 })
  medHandlingDays: number;
}
