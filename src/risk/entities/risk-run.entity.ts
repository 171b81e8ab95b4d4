import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type RiskRunTrigger = 'NIGHTLY' | 'MANUAL';
export type RiskRunStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'SKIPPED';

/** One scoring run over every employer (nightly or started by an ADMIN), with its progress and counts. */
@Entity({ name: 'risk_runs' })
export class RiskRun {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 12 })
  trigger: RiskRunTrigger;

  @Column({ type: 'varchar', length: 12 })
  status: RiskRunStatus;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ name: 'rule_set_version', type: 'int', nullable: true })
  ruleSetVersion: number | null;

  /** 0..100. */
  @Column({ type: 'int', default: 0 })
  progress: number;

  /** employers, withHits, raised, updated, featureSqlMs, evaluateMs, writeMs, durationMs. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  counts: object;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
