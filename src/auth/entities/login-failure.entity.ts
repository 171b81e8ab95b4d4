import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A failed password sign-in for a username (existing or not), for the per-account throttle. */
@Entity({ name: 'login_failures' })
@Index('idx_login_failures_username', ['username', 'failedAt'])
export class LoginFailure {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'failed_at', type: 'timestamptz', default: () => 'now()' })
  failedAt: Date;
}
