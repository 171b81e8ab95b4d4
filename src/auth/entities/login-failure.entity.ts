import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A failed password sign-in for a username (existing or not) from a client, for the sign-in throttle. */
@Entity({ name: 'login_failures' })
@Index('idx_login_failures_username', ['username', 'failedAt'])
@Index('idx_login_failures_username_client', ['username', 'clientKey', 'failedAt'])
export class LoginFailure {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  /** Keyed blind index of the client address (PiiCipher 'client_ip'); null for rows from before addresses counted. */
  @Column({ name: 'client_key', type: 'varchar', length: 64, nullable: true })
  clientKey: string | null;

  @Column({ name: 'failed_at', type: 'timestamptz', default: () => 'now()' })
  failedAt: Date;
}
