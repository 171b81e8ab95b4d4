import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, tryXactLock } from '../database/locks';
import { IdempotencyRecord } from './idempotency-record.entity';
import { prepared } from '../database/prepared-statements';
import type { Write } from '../database/writes';

/** All SQL of idempotency keys. */
@Injectable()
export class IdempotencyRepository {
  /** Takes the key's transaction-scoped lock without waiting; false when another request holds it. */
  async tryLock(em: EntityManager, scope: string, key: string): Promise<boolean> {
    return tryXactLock(em, LOCKS.idempotencyKey, `${scope}:${key}`);
  }

  // Plain SQL: these two run in every keyed intake (issue 17), where the entity layer's cost showed in the profile.
  async find(em: EntityManager, scope: string, key: string): Promise<IdempotencyRecord | null> {
    const [row] = await em.query<IdempotencyRecord[]>(
      prepared(`SELECT scope, key, request_hash AS "requestHash", response_status AS "responseStatus",
              resource_type AS "resourceType", resource_id AS "resourceId", created_at AS "createdAt"
         FROM idempotency_records WHERE scope = $1 AND key = $2`),
      [scope, key],
    );
    return row ?? null;
  }

  /** The record's insert, as a write the service sends with the request's own (writes.ts). */
  insertWrite(r: Omit<IdempotencyRecord, 'createdAt'>): Write {
    return {
      sql: `INSERT INTO idempotency_records (scope, key, request_hash, response_status, resource_type, resource_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      params: [r.scope, r.key, r.requestHash, r.responseStatus, r.resourceType, r.resourceId],
    };
  }

  /** Deletes the records of first requests older than `hours`; returns how many. */
  async purgeOlderThan(em: EntityManager, hours: number): Promise<number> {
    const rows = await em.query<unknown[]>(
      `DELETE FROM idempotency_records WHERE created_at < now() - make_interval(hours => $1) RETURNING 1`,
      [hours],
    );
    return rows.length;
  }
}
