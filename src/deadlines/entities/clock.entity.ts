import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A statutory clock owned by a proceeding (a complaint now; mediation, arbitration and inspection cases later).
 * Its state is never stored: it is recomputed from `start_date` and its events by the deadline engine.
 */
@Entity({ name: 'clocks' })
@Index('idx_clocks_case', ['caseType', 'caseId'])
@Index('idx_clocks_open_by_jurisdiction', ['jurisdictionCode'], { where: 'stopped_on IS NULL' })
export class Clock {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_type', type: 'varchar', length: 16 })
  caseType: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** A DeadlineRuleId: a rule of a proceeding's `x.deadline-rules.ts` (assembled at src/deadline-rules.ts). */
  @Column({ name: 'rule_id', type: 'varchar', length: 48 })
  ruleId: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** Street/town code of the case, for the per-jurisdiction due list. */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  /** Set with the STOP event (lets the due list skip finished clocks). */
  @Column({ name: 'stopped_on', type: 'date', nullable: true })
  stoppedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
