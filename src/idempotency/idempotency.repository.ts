import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, lockKey } from '../database/locks';
import { IdempotencyRecord } from './idempotency-record.entity';
import { prepared } from '../database/prepared-statements';
import type { Write } from '../database/writes';

/** The records' primary key: a second first request of a key fails on it (`claim`). */
export const RECORD_KEY = 'PK_9c03b6adebf385ca991d085063a';

/** All SQL of idempotency keys. */
@Injectable()
export class IdempotencyRepository {
  /**
   * Takes the key's transaction-scoped lock without waiting and reads the key's record, in one statement (issue 17:
   * it runs in every keyed intake). `locked` false: another request holds the key. The record is read in the
   * statement's snapshot, taken before the lock: a first request that committed between the two is not seen, and
   * the record's insert then fails on the primary key (`RECORD_KEY`), which the service answers as a request still
   * being processed.
   */
  async claim(
    em: EntityManager,
    scope: string,
    key: string,
  ): Promise<{ locked: boolean; record: IdempotencyRecord | null }> {
    const [row] = await em.query<(Omit<IdempotencyRecord, 'scope' | 'key'> & { locked: boolean })[]>(
      prepared(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked, r.request_hash AS "requestHash",
              r.response_status AS "responseStatus", r.resource_type AS "resourceType",
              r.resource_id AS "resourceId", r.created_at AS "createdAt"
         FROM (VALUES (1)) one LEFT JOIN idempotency_records r ON r.scope = $2 AND r.key = $3`),
      [lockKey(LOCKS.idempotencyKey, `${scope}:${key}`), scope, key],
    );
    const { locked, ...record } = row;
    return { locked, record: record.requestHash === null ? null : { scope, key, ...record } };
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
