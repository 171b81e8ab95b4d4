import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';

/** Monthly minimum wage (月最低工资标准) of a province from a date; rows are seeded by migrations. */
@Entity({ name: 'minimum_wages' })
export class MinimumWage {
  /** GB/T 2260 province code, e.g. 310000 (上海市). */
  @PrimaryColumn({ type: 'varchar', length: 6 })
  province: string;

  @PrimaryColumn({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'monthly_fen', type: 'bigint', transformer: bigintToNumber })
  monthlyFen: number;

  /** The official notice, and whether the figure was verified against it. */
  @Column({ type: 'text' })
  source: string;
}
