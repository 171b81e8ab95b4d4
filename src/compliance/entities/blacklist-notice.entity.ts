import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EmployerViolation } from './employer-violation.entity';

/**
 * The prior notice of an intended listing on the 拖欠农民工工资失信联合惩戒名单 (人社部令第45号: 作出列入决定前告知
 * 当事人拟列入的事由、依据及其陈述、申辩权利), and the employer's statement (陈述申辩) if it made one.
 */
@Entity({ name: 'blacklist_notices' })
@Index('idx_blacklist_notices_violation', ['violationId', 'noticedOn'])
export class BlacklistNotice {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ name: 'violation_id', type: 'uuid' })
  violationId: string;

  @ManyToOne(() => EmployerViolation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'violation_id', foreignKeyConstraintName: 'fk_blacklist_notices_violation' })
  violation?: EmployerViolation;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  /** The day the notice was served. */
  @Column({ name: 'noticed_on', type: 'date' })
  noticedOn: string;

  /** The last day of the statement period (陈述申辩期限). */
  @Column({ name: 'statement_due_on', type: 'date' })
  statementDueOn: string;

  /** The day the employer's statement was received and recorded; null when it made none. */
  @Column({ name: 'statement_on', type: 'date', nullable: true })
  statementOn: string | null;

  /** What the employer stated and how it was considered (no personal data). */
  @Column({ name: 'statement_summary', type: 'text', nullable: true })
  statementSummary: string | null;

  @Column({ name: 'noticed_by', type: 'uuid' })
  noticedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
