import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Employer } from '../../reference/entities/employer.entity';

/**
 * One observation another department reported about an employer (社保、税务、市场监管、银行、水电). Idempotent per
 * (source, employer, kind, observedAt): a resent row is recognised as a duplicate and stored once.
 */
@Entity({ name: 'risk_signals' })
@Index('uq_risk_signals_observation', ['source', 'employerId', 'kind', 'observedAt'], { unique: true })
@Index('idx_risk_signals_employer_observed', ['employerId', 'observedAt'])
export class RiskSignal {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_risk_signals_employer' })
  employer?: Employer;

  @Column({ type: 'varchar', length: 24 })
  source: string;

  @Column({ type: 'varchar', length: 48 })
  kind: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  value: string;

  @Column({ name: 'observed_at', type: 'timestamptz' })
  observedAt: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
