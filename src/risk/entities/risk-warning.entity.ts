import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Employer } from '../../reference/entities/employer.entity';
import type { RiskKind, RiskLevel, WarningStatus } from '../risk.rules';

/** A risk warning: at most one open (not CLOSED) per employer and kind; a rerun updates it. */
@Entity({ name: 'risk_warnings' })
@Index('uq_risk_warnings_open', ['employerId', 'kind'], { unique: true, where: `status <> 'CLOSED'` })
@Index('idx_risk_warnings_street_status', ['streetCode', 'status'])
@Index('idx_risk_warnings_closed', ['employerId', 'kind', 'closedAt'], { where: `status = 'CLOSED'` })
export class RiskWarning {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_risk_warnings_employer' })
  employer?: Employer;

  @Column({ type: 'varchar', length: 16 })
  kind: RiskKind;

  @Column({ type: 'varchar', length: 8 })
  level: RiskLevel;

  @Column({ type: 'varchar', length: 16 })
  status: WarningStatus;

  /** The street/town whose staff see the warning (the employer's, else the street of its latest complaint). */
  @Column({ name: 'street_code', type: 'varchar', length: 12, nullable: true })
  streetCode: string | null;

  @Column({ name: 'rule_set_version', type: 'int' })
  ruleSetVersion: number;

  /** The rule hits with the facts that fired them, as of the last scoring. */
  @Column({ type: 'jsonb' })
  hits: object[];

  /** The Asia/Shanghai date the features were computed for, at the last scoring. */
  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' })
  raisedAt: Date;

  /** When the warning became RED (the 2-hour acknowledgement clock starts here). */
  @Column({ name: 'red_since', type: 'timestamptz', nullable: true })
  redSince: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  disposal: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** Who did what to a warning (raised, level changed, acknowledged, handling, closed, escalated): append-only. */
@Entity({ name: 'risk_warning_events' })
@Index('idx_risk_warning_events_warning', ['warningId', 'occurredAt'])
export class RiskWarningEvent {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'warning_id', type: 'uuid' })
  warningId: string;

  @ManyToOne(() => RiskWarning, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'warning_id', foreignKeyConstraintName: 'fk_risk_warning_events_warning' })
  warning?: RiskWarning;

  @Column({ type: 'varchar', length: 24 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  data: object;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
