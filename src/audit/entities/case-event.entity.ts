import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only timeline of a case: who did what, when, and from which state to which. A database trigger
 * (migration) rejects UPDATE and DELETE. `data` never holds personal data.
 */
@Entity({ name: 'case_events' })
@Index('idx_case_events_case', ['caseType', 'caseId', 'occurredAt'])
export class CaseEvent {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_type', type: 'varchar', length: 16 })
  caseType: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24, nullable: true })
  toStatus: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
