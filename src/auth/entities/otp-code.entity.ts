import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A one-time SMS sign-in code; only an HMAC of the code, and of the phone (its blind index), is stored. */
@Entity({ name: 'otp_codes' })
@Index('idx_otp_codes_phone_bidx_created', ['phoneBidx', 'createdAt'])
export class OtpCode {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Blind index of the phone (common/pii-crypto.ts): codes are only ever looked up by phone. */
  @Column({ name: 'phone_bidx', type: 'varchar', length: 64 })
  phoneBidx: string;

  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
