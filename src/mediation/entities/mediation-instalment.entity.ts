import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';
import { MediationAgreement } from './mediation-agreement.entity';

export const INSTALMENT_STATUSES = ['DUE', 'PAID', 'OVERDUE'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];

/** One payment the employer agreed to make. */
@Entity({ name: 'mediation_instalments' })
@Index('uq_mediation_instalments_agreement_seq', ['agreementId', 'seq'], { unique: true })
@Index('idx_mediation_instalments_due', ['dueOn'], { where: "status = 'DUE'" })
export class MediationInstalment {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => MediationAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'fk_mediation_instalments_agreement' })
  agreement?: MediationAgreement;

  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintToNumber })
  amountFen: number;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ type: 'varchar', length: 8 })
  status: InstalmentStatus;
}
