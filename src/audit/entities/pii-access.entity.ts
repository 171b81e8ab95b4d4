import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/entities/user.entity';

/**
 * One read of unmasked personal data (ID number, phone) by a staff member: who, which cases (a list page shows
 * several), when, and why (the use that showed it, e.g. `complaint.get`). Written in the read's own request; listed
 * by ADMIN (GET /api/v1/admin/pii-access). Holds no personal data itself.
 */
@Entity({ name: 'pii_access_log' })
@Index('idx_pii_access_log_user', ['userId', 'accessedAt'])
// GIN over the case ids (migration 1796400001800): the reads of one case.
@Index('idx_pii_access_log_cases', { synchronize: false })
@Index('idx_pii_access_log_accessed', ['accessedAt'])
export class PiiAccess {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_pii_access_log_user' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  role: string;

  @Column({ name: 'case_type', type: 'varchar', length: 16 })
  caseType: string;

  /** The cases whose personal data the read showed (complaint ids). */
  @Column({ name: 'case_ids', type: 'uuid', array: true })
  caseIds: string[];

  /** Why it was shown: the use (endpoint) that showed it, e.g. `complaint.get`, `search`. */
  @Column({ type: 'varchar', length: 64 })
  purpose: string;

  @Column({ name: 'accessed_at', type: 'timestamptz', default: () => 'now()' })
  accessedAt: Date;
}
