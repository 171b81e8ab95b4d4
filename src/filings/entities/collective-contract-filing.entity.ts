import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Employer } from '../../reference/entities/employer.entity';
import type { ContractKind, StoredContractStatus } from '../filings.rules';

/** A collective contract submitted for review and registration (集体合同备案审查). */
@Entity({ name: 'collective_contract_filings' })
@Index('idx_collective_contract_filings_jurisdiction_created', ['jurisdictionCode', 'createdAt'])
@Index('idx_collective_contract_filings_employer', ['employerId'])
export class CollectiveContractFiling {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_collective_contract_filings_employer' })
  employer?: Employer;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  @Column({ name: 'contract_kind', type: 'varchar', length: 24 })
  contractKind: ContractKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The registered text. */
  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'workers_covered', type: 'int' })
  workersCovered: number;

  /** 首席代表签字 date. */
  @Column({ name: 'signed_on', type: 'date' })
  signedOn: string;

  /** The day the administration received the text. */
  @Column({ name: 'submitted_on', type: 'date' })
  submittedOn: string;

  /** Received more than 10 days after signature (集体合同规定 第四十二条). */
  @Column({ name: 'submitted_late', type: 'boolean' })
  submittedLate: boolean;

  /** Last day an objection is in time (第四十五条). */
  @Column({ name: 'objection_deadline', type: 'date' })
  objectionDeadline: string;

  /** In force from this day unless objected (第四十七条). */
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  /** SUBMITTED or OBJECTED; EFFECTIVE is derived from effective_on (collectiveContractStatus). */
  @Column({ type: 'varchar', length: 16 })
  status: StoredContractStatus;

  @Column({ name: 'objected_on', type: 'date', nullable: true })
  objectedOn: string | null;

  /** 审查意见 of the 审查意见书. */
  @Column({ name: 'objection_opinion', type: 'text', nullable: true })
  objectionOpinion: string | null;

  @Column({ name: 'objected_by_user_id', type: 'uuid', nullable: true })
  objectedByUserId: string | null;

  @Column({ name: 'filed_by_user_id', type: 'uuid' })
  filedByUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
