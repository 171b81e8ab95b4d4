import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last mediation case number a committee gave in a year. Taken with INSERT … ON CONFLICT DO UPDATE … RETURNING
 * inside the opening transaction: the row lock serialises concurrent openings of one committee until commit, so
 * numbers are distinct and (rolled-back openings included) without gaps.
 */
@Entity({ name: 'mediation_case_counters' })
export class MediationCaseCounter {
  @PrimaryColumn({
    name: 'organisation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_mediation_case_counters',
  })
  organisationId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'PK_mediation_case_counters' })
  year: number;

  @Column({ name: 'last_n', type: 'int' })
  lastN: number;
}

/**
 * A mediation case-number format for the committees of the streets under a jurisdiction prefix (the longest
 * covering prefix wins): {street} (short name), {year} and {n} are replaced.
 */
@Entity({ name: 'mediation_case_number_formats' })
export class MediationCaseNumberFormat {
  @PrimaryColumn({
    name: 'jurisdiction_prefix',
    type: 'varchar',
    length: 12,
    primaryKeyConstraintName: 'PK_mediation_case_number_formats',
  })
  jurisdictionPrefix: string;

  @Column({ type: 'varchar', length: 64 })
  format: string;

  @Column({ type: 'text' })
  source: string;
}
