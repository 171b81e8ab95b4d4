import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from './complaint.entity';

export type MessageAuthor = 'REPORTER' | 'COMPLAINANT' | 'STAFF';

/** The two-way channel between staff and a (possibly anonymous) reporter or complainant. */
@Entity({ name: 'complaint_messages' })
@Index('idx_complaint_messages_complaint', ['complaintId', 'createdAt'])
export class ComplaintMessage {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_complaint_messages_complaint' })
  complaint?: Complaint;

  @Column({ type: 'varchar', length: 12 })
  author: MessageAuthor;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId: string | null;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
