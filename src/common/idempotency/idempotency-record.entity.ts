import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first response to an `Idempotency-Key`, replayed to retries with the same key and body. */
@Entity({ name: 'idempotency_records' })
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

  @Column({ name: 'response_body', type: 'jsonb' })
  responseBody: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
