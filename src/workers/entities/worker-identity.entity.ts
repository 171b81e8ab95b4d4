import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/entities/user.entity';

/**
 * The real identity a worker recorded for their account (POST /api/v1/my/profile), once: real name and resident
 * ID number. One ID number belongs to one account.
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

  @Column({ name: 'id_number', type: 'varchar', length: 18, unique: true })
  idNumber: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
