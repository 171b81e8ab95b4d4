import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';
import { InspectionCase } from './inspection-case.entity';

/** One instalment of wages recovered for workers (追发工资), fen. */
@Entity({ name: 'inspection_recoveries' })
@Index('idx_inspection_recoveries_case', ['caseId', 'paidOn'])
export class InspectionRecovery {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => InspectionCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_inspection_recoveries_case' })
  case?: InspectionCase;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintToNumber })
  amountFen: number;

  /** Workers paid by this instalment who had not been paid before. */
  @Column({ name: 'workers_covered', type: 'int' })
  workersCovered: number;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
