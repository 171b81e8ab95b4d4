import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';

/**
 * A province's 拒不支付劳动报酬罪 "数额较大" figures (法释〔2013〕3号 第三条), effective from a date. Rows are only
 * added, never changed: the figure in force on a date is the latest row effective on or before it.
 */
@Entity({ name: 'wage_crime_thresholds' })
@Index('uq_wage_crime_thresholds_province_from', ['provinceCode', 'effectiveFrom'], { unique: true })
export class WageCrimeThresholdRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** GB/T 2260 province code, 2 digits ('31' = 上海市). */
  @Column({ name: 'province_code', type: 'varchar', length: 2 })
  provinceCode: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'single_worker_fen', type: 'bigint', transformer: bigintToNumber })
  singleWorkerFen: number;

  @Column({ name: 'single_worker_min_months', type: 'int' })
  singleWorkerMinMonths: number;

  @Column({ name: 'multi_workers', type: 'int' })
  multiWorkers: number;

  @Column({ name: 'multi_workers_total_fen', type: 'bigint', transformer: bigintToNumber })
  multiWorkersTotalFen: number;

  /** Where the figure comes from (the provincial high court's notice). */
  @Column({ type: 'text' })
  basis: string;

  /** False when the figure could not be checked against its source (see docs/legal-rules.md). */
  @Column({ type: 'boolean', default: true })
  verified: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
