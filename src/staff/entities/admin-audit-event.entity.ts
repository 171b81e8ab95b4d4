import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The admin audit trail: who created, changed, re-passworded or imported which account or organisation.
 * Append-only (a trigger in the migration refuses UPDATE and DELETE); `changes` never holds a password.
 */
@Entity({ name: 'admin_audit_events' })
@Index('idx_admin_audit_created', ['createdAt', 'id'])
@Index('idx_admin_audit_actor', ['actorUserId', 'createdAt'])
@Index('idx_admin_audit_target', ['targetId', 'createdAt'])
export class AdminAuditEvent {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId: string;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 16 })
  targetType: 'USER' | 'ORGANISATION';

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  /** The jurisdiction the target belongs to, so an admin reads only the trail of their own district. */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;

  /** When it happened (named created_at like every keyset-paged table). */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
