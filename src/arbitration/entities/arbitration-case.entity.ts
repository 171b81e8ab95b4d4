import type { CorrectionRecord } from '../application-correction.rules';
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
import { Complaint } from '../../complaints/entities/complaint.entity';
import { Employer } from '../../reference/entities/employer.entity';
import type {
  ArbitrationSource,
  ArbitrationStatus,
  ClosureType,
  TribunalKind,
  LimitationRecord,
  CourtOptionReason,
} from '../arbitration.constants';

/** An application for labor-dispute arbitration (劳动争议仲裁申请) and its proceeding. */
// Lists are newest first (keyset on created_at, id) under a LIKE jurisdiction prefix (issue 17.3).
@Index('idx_arbitration_cases_created_id', ['createdAt', 'id'])
@Entity({ name: 'arbitration_cases' })
@Index('idx_arbitration_cases_complaint', ['complaintId'])
@Index('idx_arbitration_cases_street_status', ['jurisdictionCode', 'status'])
@Index('idx_arbitration_cases_commission_status', ['commissionId', 'status', 'id'])
@Index('idx_arbitration_cases_case_no', ['caseNo'])
@Index('idx_arbitration_cases_employer', ['employerId'])
@Index('uq_arbitration_cases_case_no', ['commissionId', 'caseNo'], { unique: true })
@Index('uq_arbitration_cases_open_collective', ['collectiveDisputeId'], {
  unique: true,
  where: "status NOT IN ('CLOSED', 'NOT_ACCEPTED') AND collective_dispute_id IS NOT NULL",
})
export class ArbitrationCase {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_arbitration_cases_complaint' })
  complaint?: Complaint;

  /**
   * The complaint's employer (the respondent), copied when the case is opened and kept equal to it by a trigger
   * when a correction (补正) replaces it (migration 1796400001900); the search finds cases by it.
   */
  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_arbitration_cases_employer' })
  employer?: Employer;

  @Column({ type: 'varchar', length: 12 })
  source: ArbitrationSource;

  /** The mediation case it came from (source MEDIATION); no foreign key: that table belongs to mediation. */
  @Column({ name: 'source_mediation_case_id', type: 'uuid', nullable: true })
  sourceMediationCaseId: string | null;

  @Column({ type: 'varchar', length: 24 })
  status: ArbitrationStatus;

  /** Optimistic concurrency: every write names the version the client read. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** The complaint's workplace street: staff scope is checked against it. */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  @Column({ type: 'boolean', default: false })
  collective: boolean;

  /**
   * A confirmed collective dispute (调解仲裁法 第七条) is one case for all its members; `complaintId` is the member it
   * was filed from. No foreign key: that table belongs to complaints.
   */
  @Column({ name: 'collective_dispute_id', type: 'uuid', nullable: true })
  collectiveDisputeId: string | null;

  /**
   * Since when the worker may take the dispute to court because the commission let its acceptance or award period
   * pass (调解仲裁法 第二十九条、第四十三条), and which period; null while the commission is on time.
   */
  @Column({ name: 'court_option_since', type: 'date', nullable: true })
  courtOptionSince: string | null;

  @Column({ name: 'court_option_reason', type: 'varchar', length: 24, nullable: true })
  courtOptionReason: CourtOptionReason | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  tribunal: TribunalKind | null;

  @Column({ name: 'arbitrator_ids', type: 'uuid', array: true, default: () => "'{}'" })
  arbitratorIds: string[];

  /** Arbitrators recused from this case (回避, 调解仲裁法 第三十三条): never seated on it again. */
  @Column({ name: 'recused_arbitrator_ids', type: 'uuid', array: true, default: () => "'{}'" })
  recusedArbitratorIds: string[];

  /** Date of the application (Asia/Shanghai): the minimum wage in force on it decides 一裁终局. */
  @Column({ name: 'applied_on', type: 'date' })
  appliedOn: string;

  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'closure_type', type: 'varchar', length: 12, nullable: true })
  closureType: ClosureType | null;

  /** Every awarded claim is final (一裁终局); false when at least one is not; null without an award. */
  @Column({ name: 'final_award', type: 'boolean', nullable: true })
  finalAward: boolean | null;

  /** The award's service date (today, when issued on the platform). */
  @Column({ name: 'award_served_on', type: 'date', nullable: true })
  awardServedOn: string | null;

  /** Service + 15 days: last day to sue (调解仲裁法 第四十八条、第五十条); a non-final award is effective after it. */
  @Column({ name: 'suit_deadline', type: 'date', nullable: true })
  suitDeadline: string | null;

  /** The tribunal decided on the papers (书面审理) on this date, with its basis; null when it did not. */
  @Column({ name: 'decided_on_papers_on', type: 'date', nullable: true })
  decidedOnPapersOn: string | null;

  @Column({ name: 'papers_basis', type: 'text', nullable: true })
  papersBasis: string | null;

  /** The arbitration commission (organisation) that handles the case: its arbitrators' scope. */
  @Column({ name: 'commission_id', type: 'uuid', nullable: true })
  commissionId: string | null;

  /** The commission's case number (案号), e.g. 浦劳人仲〔2026〕第12号; given on acceptance. */
  @Column({ name: 'case_no', type: 'varchar', length: 64, nullable: true })
  caseNo: string | null;

  /**
   * The limitation check made on the application (调解仲裁法 第二十七条): the facts given and the answer. Since 2017 an
   * expired limitation is the respondent's defence, not a ground to refuse: the case is accepted with a warning.
   */
  @Column({ type: 'jsonb', nullable: true })
  limitation: LimitationRecord | null;

  /**
   * The application's one 补正 (办案规则 第二十九条第四款: 一次性告知): what the commission asked, by when, and the
   * applicant's answers once supplied; null when none was asked (migration 1796400010500).
   */
  @Column({ type: 'jsonb', nullable: true })
  correction: CorrectionRecord | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
