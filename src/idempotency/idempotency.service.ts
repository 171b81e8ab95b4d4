import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isUniqueViolation, TransactionRunner } from '../database/transaction';
import { WriteBatch } from '../database/writes';
import { AppException, fieldError } from '../common/errors/app-exception';
import { IdempotencyRepository, RECORD_KEY } from './idempotency.repository';

export interface StoredResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** What a first request created: a replay rebuilds its view from this reference. */
export interface ResourceRef {
  type: string;
  id: string;
}

const keyInUse = () =>
  AppException.conflict(
    'IDEMPOTENCY_KEY_IN_USE',
    'A request with this Idempotency-Key is still being processed',
  );

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

/** Canonical JSON (sorted keys) so that the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

export function validateIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key))
    throw AppException.validation([
      fieldError(
        'Idempotency-Key',
        'matches',
        'Idempotency-Key 须为 1 至 128 个可见 ASCII 字符',
        'Idempotency-Key must be 1-128 visible ASCII characters',
      ),
    ]);
  return key;
}

/**
 * `Idempotency-Key` semantics (draft-ietf-httpapi-idempotency-key-header): the same key and body replay the
 * first response; the same key with another body is 422; a retry while the first is still running is 409.
 * The record (status and a reference to the created resource, no copy of the body) is stored in the same
 * transaction as the work, so a committed request is always replayable and a failed one leaves nothing behind;
 * a replay rebuilds the resource's view for the caller (`replay`). Writes the work hands back unsent (`writes`) go
 * out in one statement with the record. Records older than IDEMPOTENCY_TTL_HOURS are
 * purged by the nightly idempotency.purge job, after which the key is new again.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: IdempotencyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute<T>(
    scope: string,
    key: string | undefined,
    body: unknown,
    work: (
      em: EntityManager,
    ) => Promise<{ status: number; body: T; resource: ResourceRef; writes?: WriteBatch }>,
    replay: (em: EntityManager, resource: ResourceRef) => Promise<T>,
  ): Promise<StoredResponse<T>> {
    if (!key) {
      const { status, body: out } = await this.tx.run(async (em) => {
        const result = await work(em);
        await result.writes?.send(em);
        return result;
      });
      return { status, body: out, replayed: false };
    }
    const hash = requestHash(body);
    return this.tx.run(async (em) => {
      const { locked, record: existing } = await this.repo.claim(em, scope, key);
      if (!locked) throw keyInUse();
      if (existing) {
        if (existing.requestHash !== hash)
          throw AppException.unprocessable(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was used with a different request body',
          );
        const resource = { type: existing.resourceType, id: existing.resourceId };
        return { status: existing.responseStatus, body: await replay(em, resource), replayed: true };
      }
      const result = await work(em);
      // The record goes in the same statement as the writes the work left to send (writes.ts). A first request of
      // the key that committed after `claim`'s snapshot and before its lock makes it fail on the key: this one
      // then rolls back whole, and its retry replays that first request.
      try {
        await (result.writes ?? new WriteBatch()).send(
          em,
          this.repo.insertWrite({
            scope,
            key,
            requestHash: hash,
            responseStatus: result.status,
            resourceType: result.resource.type,
            resourceId: result.resource.id,
          }),
        );
      } catch (e) {
        if (isUniqueViolation(e, RECORD_KEY)) throw keyInUse();
        throw e;
      }
      return { status: result.status, body: result.body, replayed: false };
    });
  }

  /** The nightly purge: records of first requests older than IDEMPOTENCY_TTL_HOURS; returns how many. */
  purge(): Promise<number> {
    return this.tx.run((em) => this.repo.purgeOlderThan(em, this.config.idempotencyTtlHours));
  }
}
