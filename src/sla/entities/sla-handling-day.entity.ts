import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Histogram of handling days: how many cases of a proceeding, street and organisation closed in a calendar
 * year after exactly `days` calendar days (start → closure). Maintained by the same per-case delta as the
 * monthly cells and rebuilt (and compared) by the nightly recompute; the summary's average and exact 90th
 * percentile come from it instead of sorting every closed fact per request.
 */
@Entity({ name: 'sla_handling_days' })
@Index('idx_sla_handling_days_year', ['year', 'caseType'])
export class SlaHandlingDay {
  /** ARBITRATION | INSPECTION | MEDIATION. */
  @PrimaryColumn({ name: 'case_type', type: 'varchar', length: 16 })
  caseType: string;

  @PrimaryColumn({ name: 'street_code', type: 'varchar', length: 12 })
  streetCode: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** Calendar year of the closure. */
  @PrimaryColumn({ type: 'int' })
  year: number;

  /** Handling days (closed_on − started_on). */
  @PrimaryColumn({ type: 'int' })
  days: number;

  /** Cases in the bucket (0 after a delta moved the last one out, until the nightly recompute). */
  @Column({ type: 'int', default: 0 })
  cases: number;
}
