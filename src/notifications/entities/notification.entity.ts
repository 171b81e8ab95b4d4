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

/**
 * PENDING: to be sent (new, or the provider refused it for now: a retry sends it). SENDING: committed before the
 * provider call; a row found SENDING with no sender at work is in doubt (notifications.service.ts). SENT: the
 * provider accepted it. UNCONFIRMED: in doubt and the provider cannot tell: never resent, left to an admin.
 * FAILED: undeliverable (no number, or a permanent provider refusal).
 */
export type NotificationStatus = 'PENDING' | 'SENDING' | 'SENT' | 'UNCONFIRMED' | 'FAILED';

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
// Undeliverable messages per template (the lrp_sms_undelivered gauge), read at each metrics scrape.
@Index('idx_notifications_undelivered', ['template'], { where: "status = 'FAILED'" })
export class Notification {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'dedup_key', type: 'varchar', length: 255, unique: true })
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

  /** How many times an SMS was handed to the provider (each hand-over is committed first, as SENDING). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When the current SENDING attempt began. */
  @Column({ name: 'sending_since', type: 'timestamptz', nullable: true })
  sendingSince: Date | null;

  /**
   * The template variables of an SMS (never a name, ID number or phone: templates.ts), so the recipient's inbox
   * can show the text as sent.
   */
  @Column({ type: 'jsonb', nullable: true })
  params: Record<string, string> | null;

  /** The user whose inbox lists the message: a staff user (IN_APP) or the worker an SMS went to; else null. */
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
