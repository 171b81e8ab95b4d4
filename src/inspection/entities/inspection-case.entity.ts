import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '../../reference/entities/organisation.entity';
import { Complaint } from '../../complaints/entities/complaint.entity';
import { bigintToNumber } from '../../database/bigint.transformer';
import { Employer } from '../../reference/entities/employer.entity';
import type { InspectionClosureType, InspectionSource, InspectionStatus } from '../inspection.constants';
import type { RefusalReason } from '../inspection.rules';

/**
 * A labor-security inspection case (劳动保障监察案件). The KPIs and risk read it through the views
 * inspection_kpi_source and inspection_risk_source (docs/read-contracts.md): their columns are kept current by
 * every transition.
 */
// Lists are newest first (keyset on created_at, id); a wider scope's filter is a LIKE prefix, which a btree
// cannot use under a non-C collation: this index serves those pages (issue 17.3).
@Index('idx_inspection_cases_created_id', ['createdAt', 'id'])
// A street's own page: `jurisdiction_code = code`, newest first (whereInJurisdictions; issue 17.3).
@Index('idx_inspection_cases_street_created_id', ['jurisdictionCode', 'createdAt', 'id'])
// A street's code only (9 digits), so that a street's code matches its own cases alone by equality.
@Check('chk_inspection_cases_street_code_length', 'char_length(jurisdiction_code) = 9')
@Entity({ name: 'inspection_cases' })
@Index('idx_inspection_cases_complaint', ['complaintId'])
@Index('idx_inspection_cases_street_status', ['jurisdictionCode', 'status'])
@Index('idx_inspection_cases_employer', ['employerId'])
export class InspectionCase {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('uq_inspection_cases_case_no', { unique: true })
  @Column({ name: 'case_no', type: 'varchar', length: 24 })
  caseNo: string;

  @Column({ type: 'varchar', length: 12 })
  source: InspectionSource;

  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId: string | null;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_inspection_cases_complaint' })
  complaint?: Complaint;

  /** The 双随机 plan it came from (source PLAN); no foreign key: that table belongs to the plans module. */
  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId: string | null;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_inspection_cases_employer' })
  employer?: Employer;

  /** The workplace street/town: staff scope is checked against it. */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  /** The INSPECTION_BRIGADE handling the case. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_inspection_cases_organisation' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 24 })
  status: InspectionStatus;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  /** received_on + 5 working days (若干规定 第十八条). */
  @Column({ name: 'acceptance_due_on', type: 'date' })
  acceptanceDueOn: string;

  /** 立案 date. */
  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Column({ name: 'refused_on', type: 'date', nullable: true })
  refusedOn: string | null;

  @Column({ name: 'refusal_reasons', type: 'varchar', array: true, nullable: true })
  refusalReasons: RefusalReason[] | null;

  @Column({ name: 'refusal_text', type: 'text', nullable: true })
  refusalText: string | null;

  /** Where the refusal told the complainant to turn instead (若干规定 第十八条第四款). */
  @Column({ name: 'refusal_refer_to', type: 'varchar', length: 200, nullable: true })
  refusalReferTo: string | null;

  /** The day the violation ended (null: continuing or not stated); the 2-year lookback runs from it. */
  @Column({ name: 'violation_ended_on', type: 'date', nullable: true })
  violationEndedOn: string | null;

  /** accepted_on + 60 working days (+ an approved extension), per the deadline engine. */
  @Column({ name: 'investigation_due_on', type: 'date', nullable: true })
  investigationDueOn: string | null;

  @Column({ name: 'extended_days', type: 'int', default: 0 })
  extendedDays: number;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'closure_type', type: 'varchar', length: 16, nullable: true })
  closureType: InspectionClosureType | null;

  /** The surviving case of a case merged into another (并案, closure type MERGED); null otherwise. */
  @Column({ name: 'merged_into_case_id', type: 'uuid', nullable: true })
  mergedIntoCaseId: string | null;

  @ManyToOne(() => InspectionCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_case_id', foreignKeyConstraintName: 'fk_inspection_cases_merged_into' })
  mergedInto?: InspectionCase;

  /** That case's number (never changes), as the worker's case file and SMS name it. */
  @Column({ name: 'merged_into_case_no', type: 'varchar', length: 24, nullable: true })
  mergedIntoCaseNo: string | null;

  @Column({ name: 'violation_found', type: 'boolean', nullable: true })
  violationFound: boolean | null;

  @Column({ name: 'arrears_fen', type: 'bigint', default: 0, transformer: bigintToNumber })
  arrearsFen: number;

  @Column({ name: 'workers_affected', type: 'int', default: 0 })
  workersAffected: number;

  @Column({ name: 'months_unpaid', type: 'int', nullable: true })
  monthsUnpaid: number | null;

  @Column({ name: 'recovered_fen', type: 'bigint', default: 0, transformer: bigintToNumber })
  recoveredFen: number;

  @Column({ name: 'recovered_workers', type: 'int', default: 0 })
  recoveredWorkers: number;

  @Column({ name: 'penalty_fen', type: 'bigint', default: 0, transformer: bigintToNumber })
  penaltyFen: number;

  /** The last order's compliance deadline (责令改正期限). */
  @Column({ name: 'rectify_due_on', type: 'date', nullable: true })
  rectifyDueOn: string | null;

  @Column({ name: 'order_refused', type: 'boolean', default: false })
  orderRefused: boolean;

  @Column({ name: 'transferred_to_police', type: 'boolean', default: false })
  transferredToPolice: boolean;

  @Column({ name: 'mass_incident', type: 'boolean', default: false })
  massIncident: boolean;

  @Column({ name: 'assigned_inspector_ids', type: 'uuid', array: true, default: () => "'{}'" })
  assignedInspectorIds: string[];

  /** 举报奖励 (监察条例 第九条): decided for a substantiated report only; never names the reporter. */
  @Column({ name: 'report_reward_fen', type: 'bigint', nullable: true, transformer: bigintToNumber })
  reportRewardFen: number | null;

  @Column({ name: 'report_reward_on', type: 'date', nullable: true })
  reportRewardOn: string | null;

  /** Optimistic concurrency: every write names the version the client read. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
