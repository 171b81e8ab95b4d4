import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Employer } from '../../reference/entities/employer.entity';
import type { ListingReason } from '../blacklist.rules';
import type { BlacklistStatus } from '../blacklist.state';
import { EmployerViolation } from './employer-violation.entity';

/** A listing on the 拖欠农民工工资失信联合惩戒名单 (人社部令第45号), its removal or expiry. */
@Entity({ name: 'wage_arrears_blacklist' })
@Index('uq_wage_arrears_blacklist_listed_employer', ['employerId'], {
  unique: true,
  where: "status = 'LISTED'",
})
@Index('idx_wage_arrears_blacklist_status_expires', ['status', 'expiresOn'])
export class BlacklistEntry {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_wage_arrears_blacklist_employer' })
  employer?: Employer;

  /** The wage-arrears violation whose facts justify the listing. */
  @Column({ name: 'violation_id', type: 'uuid' })
  violationId: string;

  @ManyToOne(() => EmployerViolation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'violation_id', foreignKeyConstraintName: 'fk_wage_arrears_blacklist_violation' })
  violation?: EmployerViolation;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  @Column({ type: 'varchar', length: 8 })
  status: BlacklistStatus;

  /** 第五条 case(s): CRIME_THRESHOLD, MASS_INCIDENT. */
  @Column({ type: 'text', array: true })
  reasons: ListingReason[];

  /** The day of the listing decision. */
  @Column({ name: 'listed_on', type: 'date' })
  listedOn: string;

  /** listed_on + 3 years: the first day the listing is no longer in force. */
  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;

  @Column({ name: 'listed_by', type: 'uuid' })
  listedBy: string;

  /** Early removal (REMOVED) or expiry (EXPIRED) date. */
  @Column({ name: 'removed_on', type: 'date', nullable: true })
  removedOn: string | null;

  @Column({ name: 'removed_by', type: 'uuid', nullable: true })
  removedBy: string | null;

  /** Early removal: the day the violation was corrected (arrears paid). */
  @Column({ name: 'corrected_on', type: 'date', nullable: true })
  correctedOn: string | null;

  /** Early removal: the day of the written 信用承诺. */
  @Column({ name: 'commitment_on', type: 'date', nullable: true })
  commitmentOn: string | null;

  @Column({ name: 'removal_note', type: 'text', nullable: true })
  removalNote: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
