import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A job that failed its last attempt (e.g. an SMS the gateway kept refusing), kept for admins to re-queue. */
@Entity({ name: 'job_failures' })
@Index('idx_job_failures_open', ['failedAt'], { where: 'requeued_at IS NULL' })
export class JobFailure {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  queue: string;

  @Column({ name: 'job_name', type: 'varchar', length: 60 })
  jobName: string;

  @Column({ name: 'job_id', type: 'varchar', length: 120 })
  jobId: string;

  /** Ids only (job payloads never carry personal data). */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text' })
  error: string;

  @Column({ type: 'int' })
  attempts: number;

  @CreateDateColumn({ name: 'failed_at', type: 'timestamptz' })
  failedAt: Date;

  @Column({ name: 'requeued_at', type: 'timestamptz', nullable: true })
  requeuedAt: Date | null;

  @Column({ name: 'requeued_by', type: 'uuid', nullable: true })
  requeuedBy: string | null;
}
