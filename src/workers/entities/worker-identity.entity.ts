import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/entities/user.entity';

/**
 * The real identity a worker recorded for their account (POST /api/v1/my/profile), once: real name and resident
 * ID number (encrypted, with a blind index: common/pii-crypto.ts). The ID number is typed, not verified, so two
 * accounts may hold the same one (no one can squat another person's number); linking a complaint to an account
 * needs its SMS-proven phone as well (complaints/complainant-links.ts).
 */
@Entity({ name: 'worker_identities' })
export class WorkerIdentity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_worker_identities_user' })
  user?: User;

  @Column({ name: 'real_name', type: 'varchar', length: 64 })
  realName: string;

  @Column({ name: 'id_number_enc', type: 'text' })
  idNumberEnc: string;

  @Column({ name: 'id_number_bidx', type: 'varchar', length: 64 })
  idNumberBidx: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
