import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Settings of an arbitration commission (an organisation of kind ARBITRATION_COMMISSION). */
@Entity({ name: 'arbitration_commissions' })
export class ArbitrationCommission {
  @PrimaryColumn({
    name: 'organisation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_arbitration_commissions',
  })
  organisationId: string;

  /** The case-number format: {year} and {n} are replaced, e.g. 浦劳人仲〔{year}〕第{n}号. */
  @Column({ name: 'case_number_format', type: 'varchar', length: 64 })
  caseNumberFormat: string;

  /** Hearings start and end within these hours (Asia/Shanghai) on working days. */
  @Column({ name: 'hearing_day_starts', type: 'time', default: '08:30:00' })
  hearingDayStarts: string;

  @Column({ name: 'hearing_day_ends', type: 'time', default: '17:30:00' })
  hearingDayEnds: string;

  @Column({ type: 'text' })
  source: string;
}
