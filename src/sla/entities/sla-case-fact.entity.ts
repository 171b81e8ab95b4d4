import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What the KPIs need to know of one case (arbitration, inspection or mediation), derived from its source row:
 * the incremental path rewrites a case's fact and recomputes the monthly cells it touches; the nightly
 * recompute derives every fact again set-based and compares.
 */
@Entity({ name: 'sla_case_facts' })
@Index('idx_sla_case_facts_open', ['caseType', 'dueOn'], { where: 'closed_on IS NULL' })
@Index('idx_sla_case_facts_closed', ['caseType', 'closedOn'])
export class SlaCaseFact {
  /** ARBITRATION | INSPECTION | MEDIATION. */
  @PrimaryColumn({ name: 'case_type', type: 'varchar', length: 16 })
  caseType: string;

  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'street_code', type: 'varchar', length: 12 })
  streetCode: string;

  /** The body that handles the case (仲裁委, 监察大队, street mediation committee). */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** Accepted (arbitration 受理, inspection 立案) or opened (mediation). */
  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  /** Inspection: the investigation deadline after approved extensions and pauses; null otherwise. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  /** Mediation: concluded with an agreement. */
  @Column({ type: 'boolean', default: false })
  agreement: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
