import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';
import { ArbitrationCase } from './arbitration-case.entity';

/**
 * 先予执行: the tribunal, on the worker's application, rules that part of a money claim be executed before the award
 * and transfers it to the people's court for execution (调解仲裁法 第四十四条).
 */
@Entity({ name: 'arbitration_provisional_executions' })
@Index('idx_arbitration_provisional_executions_case', ['caseId'])
export class ArbitrationProvisionalExecution {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ArbitrationCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_arbitration_provisional_executions_case' })
  case?: ArbitrationCase;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  @Column({ name: 'claim_ids', type: 'uuid', array: true })
  claimIds: string[];

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintToNumber })
  amountFen: number;

  /** Why not executing first would seriously affect the applicant's living (第四十四条第二款第（二）项). */
  @Column({ type: 'text' })
  basis: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
