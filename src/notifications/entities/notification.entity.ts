import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../../auth/entities/user.entity';

export type NotificationStatus = 'PENDING' | 'SENT' | 'FAILED';

/** One message delivered (or not) to a party; `dedupKey` makes a replayed job send nothing twice. */
@Entity({ name: 'notifications' })
// An in-app message is for someone's inbox: without a recipient nobody could ever read it.
@Check('chk_notifications_in_app_recipient', `channel <> 'IN_APP' OR recipient_user_id IS NOT NULL`)
// A staff user's inbox, newest first (keyset on created_at, id), and its unread part (the badge count).
@Index('idx_notifications_inbox', ['recipientUserId', 'createdAt', 'id'], {
  where: 'recipient_user_id IS NOT NULL',
})
@Index('idx_notifications_inbox_unread', ['recipientUserId', 'createdAt', 'id'], {
  where: 'recipient_user_id IS NOT NULL AND read_at IS NULL',
})
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

  /** The staff user an IN_APP message is for (their inbox); null for SMS to parties. */
  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_user_id', foreignKeyConstraintName: 'fk_notifications_recipient' })
  recipient?: User;

  /** When the recipient marked it read (IN_APP only); null while unread. */
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
