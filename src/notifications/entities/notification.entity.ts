import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type NotificationStatus = 'PENDING' | 'SENT' | 'FAILED';

/** One message delivered (or not) to a party; `dedupKey` makes a replayed job send nothing twice. */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'dedup_key', type: 'varchar', length: 120, unique: true })
  dedupKey: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 40 })
  template: string;

  /** What the message is about, e.g. "complaint:<id>"; never a phone number or name. */
  @Column({ name: 'subject_ref', type: 'varchar', length: 80 })
  subjectRef: string;

  @Column({ type: 'varchar', length: 12 })
  status: NotificationStatus;

  @Column({ name: 'provider_message_id', type: 'varchar', length: 80, nullable: true })
  providerMessageId: string | null;

  @Column({ name: 'error', type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
