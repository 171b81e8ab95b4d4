import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';
import type { ClaimType } from '../arbitration.constants';
import { ArbitrationCase } from './arbitration-case.entity';

/** One claim (仲裁请求) of an application; the award decides each claim, and 一裁终局 per claim. */
@Entity({ name: 'arbitration_claims' })
@Index('uq_arbitration_claims_case_seq', ['caseId', 'seq'], { unique: true })
export class ArbitrationClaim {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ArbitrationCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_arbitration_claims_case' })
  case?: ArbitrationCase;

  @Column({ type: 'int' })
  seq: number;

  /**
   * Whose claim it is in a collective dispute's case (调解仲裁法 第七条: every member's own claim): the member's complaint;
   * null for the case's own complaint's (the applicant's claims as given). A member taken out takes theirs along.
   */
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId: string | null;

  @Column({ type: 'varchar', length: 24 })
  type: ClaimType;

  @Column({ type: 'text' })
  description: string;

  /** What is claimed in fen; null for a claim that is not to money (a member's complaint with no amount, fd2c15d). */
  @Column({ name: 'amount_fen', type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountFen: number | null;

  @Column({ name: 'awarded_fen', type: 'bigint', nullable: true, transformer: bigintToNumber })
  awardedFen: number | null;

  @Column({ name: 'award_reason', type: 'text', nullable: true })
  awardReason: string | null;

  /** 一裁终局 for this claim; null until the award. */
  @Column({ type: 'boolean', nullable: true })
  final: boolean | null;
}
