import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';

/**
 * A province's average annual wage of a year (上年度职工年平均工资), the threshold of 简易处理 (办案规则 第五十六条第一款
 * 第（二）项), in force from its publication; rows are seeded by migrations, like minimum_wages.
 */
@Entity({ name: 'average_wages' })
export class AverageWage {
  /** GB/T 2260 province code, e.g. 310000 (上海市). */
  @PrimaryColumn({ type: 'varchar', length: 6 })
  province: string;

  @PrimaryColumn({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  /** The year the figure is the average of. */
  @Column({ name: 'reference_year', type: 'int' })
  referenceYear: number;

  @Column({ name: 'annual_fen', type: 'bigint', transformer: bigintToNumber })
  annualFen: number;

  /** The official publication, and whether the figure was verified against it. */
  @Column({ type: 'text' })
  source: string;
}
