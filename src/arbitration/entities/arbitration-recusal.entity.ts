import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RecusalChannel, RecusalDecision, RecusalGround, RecusalSide } from '../recusal.rules';
import { ArbitrationCase } from './arbitration-case.entity';

/**
 * A party's application that a tribunal member withdraw (回避, 调解仲裁法 第三十三条: made orally or in writing), as the
 * commission's staff recorded it, and the commission's decision on it (granted: the member is replaced in the same
 * act; refused), told to the party.
 */
@Entity({ name: 'arbitration_recusals' })
@Index('ix_arbitration_recusals_case', ['caseId'])
export class ArbitrationRecusal {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ArbitrationCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_arbitration_recusals_case' })
  case?: ArbitrationCase;

  /** The tribunal member the party asks to withdraw. */
  @Column({ name: 'arbitrator_id', type: 'uuid' })
  arbitratorId: string;

  /** Which party applied: the applicant (申请人) or the respondent (被申请人). */
  @Column({ type: 'varchar', length: 12 })
  side: RecusalSide;

  @Column({ type: 'varchar', length: 8 })
  channel: RecusalChannel;

  /** The grounds of 第三十三条 the party names (第一项 to 第四项). */
  @Column({ type: 'varchar', length: 24, array: true })
  grounds: RecusalGround[];

  /** The party's reasons, as recorded. */
  @Column({ type: 'text' })
  statement: string;

  /** The day the commission received the application (Asia/Shanghai). */
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  decision: RecusalDecision | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  /** The clock of the commission's decision (ARBITRATION_RECUSAL_DECISION), started with the application. */
  @Column({ name: 'decision_clock_id', type: 'uuid', nullable: true })
  decisionClockId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
