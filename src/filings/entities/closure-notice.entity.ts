import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Employer } from '../../reference/entities/employer.entity';
import type { ClosureKind } from '../filings.rules';

/** A 关停并转迁 notice: the employer closes, merges, converts or relocates. */
@Entity({ name: 'closure_notices' })
@Index('idx_closure_notices_jurisdiction_created', ['jurisdictionCode', 'createdAt'])
@Index('idx_closure_notices_employer_notified', ['employerId', 'notifiedOn'])
export class ClosureNotice {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_closure_notices_employer' })
  employer?: Employer;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ClosureKind;

  @Column({ name: 'notified_on', type: 'date' })
  notifiedOn: string;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Column({ name: 'workers_affected', type: 'int' })
  workersAffected: number;

  /** 职工安置方案 (required when workers are affected). */
  @Column({ name: 'resettlement_plan', type: 'text', nullable: true })
  resettlementPlan: string | null;

  /** For a relocation: where to; for a merger: the other party; free text. */
  @Column({ type: 'text', nullable: true })
  details: string | null;

  @Column({ name: 'filed_by_user_id', type: 'uuid' })
  filedByUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
