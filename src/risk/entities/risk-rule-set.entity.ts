import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One version of the risk rule set; a new version is a new row, never an update (history stays as it was). */
@Entity({ name: 'risk_rule_sets' })
export class RiskRuleSetRow {
  @PrimaryColumn({ type: 'int' })
  version: number;

  /** The rules (validated against the schema built from the FEATURES catalogue before saving). */
  @Column({ type: 'jsonb' })
  rules: object;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Null for the built-in version 1. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
