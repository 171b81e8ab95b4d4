import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../../reference/entities/organisation.entity';
import type { Role } from '../roles';

/**
 * A login: staff (with organisation and jurisdictions) or a worker, who signs in with a mainland mobile number (kept
 * encrypted with a blind index: common/pii-crypto.ts; the username of a worker account is `worker:<id>`).
 */
@Entity({ name: 'users' })
export class User {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  /** argon2id; null for a worker who has only ever signed in with an SMS code. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_users_organisation' })
  organisation?: Organisation;

  @Column({ name: 'jurisdiction_codes', type: 'text', array: true, default: () => "'{}'" })
  jurisdictionCodes: string[];

  @Column({ name: 'display_name', type: 'varchar', length: 64, nullable: true })
  displayName: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** A worker's sign-in mobile number (verified by SMS code), encrypted; null for staff. */
  @Column({ name: 'login_phone_enc', type: 'text', nullable: true })
  loginPhoneEnc: string | null;

  /** Blind index of the sign-in number: sign-in and "the account of this phone" look it up. */
  @Index('uq_users_login_phone_bidx', { unique: true })
  @Column({ name: 'login_phone_bidx', type: 'varchar', length: 64, nullable: true })
  loginPhoneBidx: string | null;

  /** A staff member's work phone (admin-recorded); never shown to workers. */
  @Column({ type: 'varchar', length: 11, nullable: true })
  phone: string | null;

  /** Raised when a password is changed or reset: access tokens of an older version are refused. */
  @Column({ name: 'session_version', type: 'int', default: 0 })
  sessionVersion: number;

  /** A temporary password (created or reset by an admin): everything but the password change is refused. */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
