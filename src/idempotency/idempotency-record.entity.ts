import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The first request of an `Idempotency-Key`: its body's hash, its status and a reference to the resource it created
 * (never a copy of the response, which would be a second copy of personal data). A retry rebuilds the view of
 * that resource. Purged IDEMPOTENCY_TTL_HOURS after the first request (idempotency.purge).
 */
@Entity({ name: 'idempotency_records' })
@Index('idx_idempotency_records_created', ['createdAt'])
export class IdempotencyRecord {
  /** Who the key belongs to (e.g. "user:<id>"): keys of different callers never collide. */
  @PrimaryColumn({ type: 'varchar', length: 80 })
  scope: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ name: 'response_status', type: 'int' })
  responseStatus: number;

  /** What the first request created, e.g. `complaint`. */
  @Column({ name: 'resource_type', type: 'varchar', length: 32 })
  resourceType: string;

  @Column({ name: 'resource_id', type: 'uuid' })
  resourceId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
