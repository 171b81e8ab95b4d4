import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Employer } from '../../reference/entities/employer.entity';
import type { HarmoniousLevel } from '../filings.rules';

/** An entry of the register of harmonious-labor-relations enterprises (和谐劳动关系企业). */
@Entity({ name: 'harmonious_enterprises' })
@Index('uq_harmonious_enterprises_employer_level_year', ['employerId', 'level', 'year'], { unique: true })
@Index('idx_harmonious_enterprises_jurisdiction_created', ['jurisdictionCode', 'createdAt'])
export class HarmoniousEnterprise {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_harmonious_enterprises_employer' })
  employer?: Employer;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  /** The assessment year. */
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  level: HarmoniousLevel;

  @Column({ name: 'recognised_on', type: 'date' })
  recognisedOn: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  /** Struck off before validUntil (e.g. after a major violation). */
  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  revokedOn: string | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;

  @Column({ name: 'registered_by_user_id', type: 'uuid' })
  registeredByUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
