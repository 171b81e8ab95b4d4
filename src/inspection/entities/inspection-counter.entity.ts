import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-year counters of case numbers and document numbers (one row per scope and year). */
@Entity({ name: 'inspection_counters' })
export class InspectionCounter {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  scope: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_value', type: 'int' })
  lastValue: number;
}
