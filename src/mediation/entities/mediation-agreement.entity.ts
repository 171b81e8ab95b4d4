import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';
import type { AgreementStatus } from '../mediation.state';
import { MediationCase } from './mediation-case.entity';

export interface AgreementClaim {
  description: string;
  amountFen: number;
}

/** The mediation agreement (调解协议书), with the amounts agreed per claim in fen. */
@Entity({ name: 'mediation_agreements' })
export class MediationAgreement {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('uq_mediation_agreements_case', { unique: true })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => MediationCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_mediation_agreements_case' })
  case?: MediationCase;

  @Column({ type: 'varchar', length: 16 })
  status: AgreementStatus;

  /** [{description, amountFen}] */
  @Column({ type: 'jsonb' })
  claims: AgreementClaim[];

  @Column({ name: 'total_fen', type: 'bigint', transformer: bigintToNumber })
  totalFen: number;

  @Column({ name: 'signed_on', type: 'date' })
  signedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
