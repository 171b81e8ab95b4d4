import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Gap-free per-year sequence behind the human tracking numbers (TS-2026-0000123-7). */
@Entity({ name: 'tracking_counters' })
export class TrackingCounter {
  @PrimaryColumn({ type: 'varchar', length: 4 })
  prefix: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_value', type: 'int' })
  lastValue: number;
}
