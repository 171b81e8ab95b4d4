import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A job to publish after the transaction that wrote it commits. The relay turns rows into BullMQ jobs with
 * `jobId` = row id, so a row published twice is still one job.
 */
@Entity({ name: 'outbox_messages' })
@Index('idx_outbox_pending', ['availableAt'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  queue: string;

  @Column({ name: 'job_name', type: 'varchar', length: 60 })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
