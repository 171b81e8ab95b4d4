import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/entities/user.entity';

/**
 * One correction of a worker account's recorded identity by staff (POST /api/v1/worker-accounts/identity-corrections):
 * who, when, why and which fields changed. The values it replaced are kept only encrypted (common/pii-crypto.ts), for
 * a dispute over the change; the current ones are the account's (worker_identities). Append-only (a trigger in the
 * migration refuses UPDATE and DELETE).
 */
@Entity({ name: 'worker_identity_corrections' })
@Index('idx_worker_identity_corrections_user', ['userId', 'correctedAt'])
export class WorkerIdentityCorrection {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_worker_identity_corrections' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_worker_identity_corrections_user' })
  user?: User;

  @Column({ name: 'corrected_by_user_id', type: 'uuid' })
  correctedByUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'corrected_by_user_id', foreignKeyConstraintName: 'fk_worker_identity_corrections_by' })
  correctedBy?: User;

  @Column({ name: 'corrected_by_role', type: 'varchar', length: 16 })
  correctedByRole: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'real_name_changed', type: 'boolean' })
  realNameChanged: boolean;

  @Column({ name: 'id_number_changed', type: 'boolean' })
  idNumberChanged: boolean;

  /** The name it replaced, encrypted; null when the name did not change. */
  @Column({ name: 'previous_real_name_enc', type: 'text', nullable: true })
  previousRealNameEnc: string | null;

  /** The ID number it replaced, encrypted; null when the number did not change. */
  @Column({ name: 'previous_id_number_enc', type: 'text', nullable: true })
  previousIdNumberEnc: string | null;

  @Column({ name: 'corrected_at', type: 'timestamptz', default: () => 'now()' })
  correctedAt: Date;
}
