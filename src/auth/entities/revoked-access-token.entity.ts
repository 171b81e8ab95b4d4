import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An access token revoked before its expiry (logout); kept until it would have expired anyway. */
@Entity({ name: 'revoked_access_tokens' })
export class RevokedAccessToken {
  /** The token's `jti`. */
  @PrimaryColumn({ type: 'uuid' })
  jti: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Index('idx_revoked_access_tokens_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
