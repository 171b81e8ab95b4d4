import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Organisation } from '../../reference/entities/organisation.entity';
import { User } from '../../auth/entities/user.entity';
import { Complaint } from '../../complaints/entities/complaint.entity';
import { Employer } from '../../reference/entities/employer.entity';
import type { CloseOutcome, MediationStatus } from '../mediation.state';

/** A street-level mediation (人民调解) of a complaint routed to a mediation committee. */
@Entity({ name: 'mediation_cases' })
@Index('uq_mediation_cases_open_complaint', ['complaintId'], { unique: true, where: "status = 'OPEN'" })
@Index('idx_mediation_cases_complaint', ['complaintId'])
// A street's own page: `street_code = code`, newest first (whereInJurisdictions; issue 17.3).
@Index('idx_mediation_cases_street_created_id', ['streetCode', 'createdAt', 'id'])
// Street-level codes only (9 digits), so that a street's code matches its own rows alone by equality.
@Check('chk_mediation_cases_street_code_length', 'char_length(street_code) = 9')
// Lists are newest first (keyset on created_at, id); a wider scope's filter is a LIKE prefix, which a btree
// cannot use under a non-C collation: this index serves those pages (issue 17.3).
@Index('idx_mediation_cases_created_id', ['createdAt', 'id'])
@Index('uq_mediation_cases_case_no', ['organisationId', 'caseNo'], { unique: true })
@Index('idx_mediation_cases_case_no', ['caseNo'])
@Index('idx_mediation_cases_employer', ['employerId'])
@Index('idx_mediation_cases_open_mediator', ['mediatorUserId'], { where: "status = 'OPEN'" })
@Index('uq_mediation_cases_open_collective', ['collectiveDisputeId'], {
  unique: true,
  where: "status = 'OPEN' AND collective_dispute_id IS NOT NULL",
})
export class MediationCase {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_mediation_cases_complaint' })
  complaint?: Complaint;

  /**
   * A collective dispute (调解仲裁法 第七条) is mediated as one case for all its members; `complaintId` is the member
   * it was opened from. No foreign key: that table belongs to complaints.
   */
  @Column({ name: 'collective_dispute_id', type: 'uuid', nullable: true })
  collectiveDisputeId: string | null;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_mediation_cases_organisation' })
  organisation?: Organisation;

  @Column({ name: 'mediator_user_id', type: 'uuid', nullable: true })
  mediatorUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mediator_user_id', foreignKeyConstraintName: 'fk_mediation_cases_mediator' })
  mediator?: User;

  /** The workplace street of the complaint (copied: staff scope is checked on it). */
  @Column({ name: 'street_code', type: 'varchar', length: 12 })
  streetCode: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_mediation_cases_employer' })
  employer?: Employer;

  /** The committee's case number (案号), e.g. 浦陆家嘴人调字〔2026〕第3号; given on opening. */
  @Column({ name: 'case_no', type: 'varchar', length: 64, nullable: true })
  caseNo: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: MediationStatus;

  /** Optimistic concurrency: every write names the version it read and increments it. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: CloseOutcome | 'EXPIRED' | null;

  @Column({ name: 'outcome_note', type: 'text', nullable: true })
  outcomeNote: string | null;

  /** Asia/Shanghai date the case was opened. */
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  /**
   * Asia/Shanghai date the mediation period starts: the committee's receipt of the application, the day the complaint
   * was routed to it (调解仲裁法 第十四条第三款); null on rows loaded without it (read as `openedOn`).
   */
  @Column({ name: 'period_started_on', type: 'date', nullable: true })
  periodStartedOn: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
