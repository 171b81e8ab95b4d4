import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AwardDocumentKind } from '../award-documents.rules';
import { ArbitrationCase } from './arbitration-case.entity';

/**
 * One award document (裁决书) of a case: the award, or a 先行裁决. A mixed award is two documents, one final and one
 * not (办案规则 第五十条); the parties' windows run from each document's service (调解仲裁法 第四十八至五十条).
 */
@Entity({ name: 'arbitration_awards' })
@Index('uq_arbitration_awards_case_seq', ['caseId', 'seq'], { unique: true })
export class ArbitrationAward {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ArbitrationCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_arbitration_awards_case' })
  case?: ArbitrationCase;

  /** 1, 2, … in the order issued: the document number is the case number and this. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 8 })
  kind: AwardDocumentKind;

  /** 终局裁决 (every item final) or 非终局裁决. */
  @Column({ type: 'boolean' })
  final: boolean;

  @Column({ name: 'claim_ids', type: 'uuid', array: true })
  claimIds: string[];

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  /** The day it was served on the parties; null until then (the windows do not run yet). */
  @Column({ name: 'served_on', type: 'date', nullable: true })
  servedOn: string | null;

  /** Service + 15 days (调解仲裁法 第四十八条, 第五十条). */
  @Column({ name: 'suit_deadline', type: 'date', nullable: true })
  suitDeadline: string | null;

  /** Final documents: service + 30 days, the employer's window to apply to set it aside (第四十九条). */
  @Column({ name: 'set_aside_deadline', type: 'date', nullable: true })
  setAsideDeadline: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
