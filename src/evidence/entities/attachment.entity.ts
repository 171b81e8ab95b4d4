import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from '../../complaints/entities/complaint.entity';
import type { AttachmentContentType } from '../file-type';

/**
 * A file in the shared case file (证据材料) of a dispute. Attachments hang off the complaint, the root of the
 * dispute: later proceedings (mediation, arbitration, inspection) reference the complaint and list its
 * evidence by complaint id. The bytes live in the FileStorage under `storageKey`, a generated key.
 */
@Entity({ name: 'attachments' })
@Index('idx_attachments_complaint_created', ['complaintId', 'createdAt'])
export class Attachment {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  // The relation only declares the foreign key; this module reads complaints through ComplaintsService.
  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_attachments_complaint' })
  complaint?: Complaint;

  /** The uploader's file name, sanitised; for display only. */
  @Column({ type: 'varchar', length: 200 })
  filename: string;

  /** Detected from the content (magic bytes), never taken from the client. */
  @Column({ name: 'content_type', type: 'varchar', length: 40 })
  contentType: AttachmentContentType;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  /** Hex SHA-256 of the bytes as received. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Index('uq_attachments_storage_key', { unique: true })
  @Column({ name: 'storage_key', type: 'varchar', length: 100 })
  storageKey: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true })
  uploadedByUserId: string | null;

  @Column({ name: 'uploaded_by_role', type: 'varchar', length: 16 })
  uploadedByRole: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
