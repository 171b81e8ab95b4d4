import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One nightly full recompute: how many cells the incremental aggregates had wrong (0 when they agree). */
@Entity({ name: 'sla_recompute_runs' })
export class SlaRecomputeRun {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz' })
  finishedAt: Date;

  @Column({ type: 'int' })
  facts: number;

  @Column({ type: 'int' })
  cells: number;

  @Column({ name: 'mismatched_cells', type: 'int' })
  mismatchedCells: number;

  /** Up to 20 mismatched cells (street, organisation, month, both values) or handling-day buckets: codes and counts only. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  sample: unknown[];
}
