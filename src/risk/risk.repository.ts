import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { LOCKS, sessionUnlock, trySessionLock, xactLock } from '../database/locks';
import { RiskRuleSetRow } from './entities/risk-rule-set.entity';
import { RiskRun } from './entities/risk-run.entity';
import { RiskWarning, RiskWarningEvent } from './entities/risk-warning.entity';
import { featureQuery } from './risk-features.sql';
import { GenericPlanReads } from '../database/generic-plan';
import { FEATURES, type FeatureVector } from './risk.features';
import type { StoredHits } from './risk-recurrence';
import type { RiskKind, RiskLevel, WarningStatus } from './risk.rules';

export interface FeatureRow extends FeatureVector {
  employer_id: string;
  as_of: string;
  street_code: string | null;
}

export interface SignalInsert {
  employerId: string;
  source: string;
  kind: string;
  value: number;
  observedAt: string;
}

export interface WarningUpsert {
  employerId: string;
  kind: RiskKind;
  level: RiskLevel;
  streetCode: string | null;
  ruleSetVersion: number;
  hits: object[];
  asOf: string;
}

export interface UpsertResult {
  id: string;
  inserted: boolean;
  previousLevel: RiskLevel | null;
  level: RiskLevel;
  changed: boolean;
  status: WarningStatus;
  streetCode: string | null;
  redSince: Date | null;
}

export interface WarningFilter {
  prefixes: string[] | null;
  level?: RiskLevel;
  kind?: RiskKind;
  street?: string;
  status?: WarningStatus;
  cursor?: { updatedAt: string; id: string };
  limit: number;
}

export interface WarningListRow extends RiskWarning {
  employer_name: string;
}

/** All SQL of the risk module. */
@Injectable()
export class RiskRepository {
  constructor(private readonly genericPlans: GenericPlanReads) {}

  /** The feature vectors of (employer, date) pairs, set-based: one statement whatever the number of employers. */
  async features(
    em: EntityManager,
    p: { days: string[]; employerIds: string[] | null; activeOnly: boolean },
  ): Promise<FeatureRow[]> {
    // A rescore's keyed text, planned for its values five times on each connection otherwise (generic-plan.ts).
    const rows = await this.genericPlans.query<FeatureRow[]>(em, ...featureQuery(p));
    for (const r of rows)
      for (const f of FEATURES)
        if (f.type === 'integer' || f.type === 'number') r[f.name] = Number(r[f.name]);
    return rows;
  }

  async employersByUscc(em: EntityManager, usccs: string[]): Promise<Map<string, string>> {
    if (usccs.length === 0) return new Map();
    const rows = await em.query<{ id: string; uscc: string }[]>(
      'SELECT id, uscc FROM employer_risk_source WHERE uscc = ANY ($1::char(18)[])',
      [usccs],
    );
    return new Map(rows.map((r) => [r.uscc, r.id]));
  }

  /** Inserts signals; a row already stored under (source, employer, kind, observedAt) is left alone. Returns the indexes inserted. */
  async insertSignals(em: EntityManager, rows: SignalInsert[]): Promise<Set<number>> {
    if (rows.length === 0) return new Set();
    const inserted = await em.query<{ i: number }[]>(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::timestamptz[], $7::int[])
                  AS u(id, employer_id, source, kind, value, observed_at, i))
       , ins AS (
         INSERT INTO risk_signals (id, employer_id, source, kind, value, observed_at)
         SELECT id, employer_id, source, kind, value, observed_at FROM input
         ON CONFLICT (source, employer_id, kind, observed_at) DO NOTHING
         RETURNING id)
       SELECT input.i FROM input JOIN ins USING (id)`,
      [
        rows.map(() => newId()),
        rows.map((r) => r.employerId),
        rows.map((r) => r.source),
        rows.map((r) => r.kind),
        rows.map((r) => r.value),
        rows.map((r) => r.observedAt),
        rows.map((_, i) => i),
      ],
    );
    return new Set(inserted.map((r) => r.i));
  }

  latestRuleSet(em: EntityManager): Promise<RiskRuleSetRow | null> {
    return em.findOne(RiskRuleSetRow, { where: {}, order: { version: 'DESC' } });
  }

  ruleSet(em: EntityManager, version: number): Promise<RiskRuleSetRow | null> {
    return em.findOne(RiskRuleSetRow, { where: { version } });
  }

  listRuleSets(em: EntityManager): Promise<RiskRuleSetRow[]> {
    return em.find(RiskRuleSetRow, { order: { version: 'DESC' }, take: 100 });
  }

  /** Inserts a version; ON CONFLICT so two concurrent first uses seed version 1 once. */
  async insertRuleSet(em: EntityManager, row: Omit<RiskRuleSetRow, 'createdAt'>): Promise<boolean> {
    const r = await em.query<unknown[]>(
      `INSERT INTO risk_rule_sets (version, rules, note, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (version) DO NOTHING RETURNING version`,
      [row.version, JSON.stringify(row.rules), row.note, row.createdBy],
    );
    return r.length === 1;
  }

  /** Serialises rule-set edits (transaction-scoped advisory lock). */
  async lockRuleSets(em: EntityManager): Promise<void> {
    await xactLock(em, LOCKS.riskRuleSets);
  }

  /** The open warnings of these employers (null = all) by "employerId:kind". */
  async openWarnings(em: EntityManager, employerIds: string[] | null): Promise<Map<string, RiskWarning>> {
    const qb = em.createQueryBuilder(RiskWarning, 'w').where(`w.status <> 'CLOSED'`);
    if (employerIds) qb.andWhere('w.employer_id = ANY (:ids)', { ids: employerIds });
    const rows = await qb.getMany();
    return new Map(rows.map((w) => [`${w.employerId}:${w.kind}`, w]));
  }

  /** The latest CLOSED warning of each (employer, kind) of these employers, by "employerId:kind". */
  async latestClosed(em: EntityManager, employerIds: string[]): Promise<Map<string, StoredHits>> {
    if (employerIds.length === 0) return new Map();
    const rows = await em.query<
      { employer_id: string; kind: string; level: RiskLevel; hits: StoredHits['hits'] }[]
    >(
      `SELECT DISTINCT ON (employer_id, kind) employer_id, kind, level, hits FROM risk_warnings
        WHERE status = 'CLOSED' AND employer_id = ANY ($1::uuid[])
        ORDER BY employer_id, kind, closed_at DESC, id DESC`,
      [employerIds],
    );
    return new Map(rows.map((r) => [`${r.employer_id}:${r.kind}`, { level: r.level, hits: r.hits }]));
  }

  /**
   * One open warning per (employer, kind), set-based for a batch: inserts NEW or updates the open one (the partial
   * unique index makes a concurrent rescore and nightly run converge on one row). The RED clock starts when it
   * turns RED. Returns, per input row, whether it was inserted, the previous level and whether anything changed.
   */
  async upsertWarnings(em: EntityManager, ws: WarningUpsert[]): Promise<UpsertResult[]> {
    if (ws.length === 0) return [];
    const rows = await em.query<
      {
        id: string;
        employer_id: string;
        kind: RiskKind;
        inserted: boolean;
        previous_level: RiskLevel | null;
        level: RiskLevel;
        changed: boolean;
        status: WarningStatus;
        street_code: string | null;
        red_since: Date | null;
      }[]
    >(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::int[],
                              $7::jsonb[], $8::date[])
                  AS u(id, employer_id, kind, level, street_code, rule_set_version, hits, as_of)),
       prev AS (SELECT w.employer_id, w.kind, w.level, w.hits, w.rule_set_version FROM risk_warnings w
                  JOIN input i ON i.employer_id = w.employer_id AND i.kind = w.kind WHERE w.status <> 'CLOSED'),
       up AS (
         INSERT INTO risk_warnings AS w (id, employer_id, kind, level, status, street_code, rule_set_version, hits,
                                         as_of, red_since, version)
         SELECT id, employer_id, kind, level, 'NEW', street_code, rule_set_version, hits, as_of,
                CASE WHEN level = 'RED' THEN now() END, 1 FROM input
         ON CONFLICT (employer_id, kind) WHERE status <> 'CLOSED' DO UPDATE
           SET level = EXCLUDED.level, street_code = COALESCE(EXCLUDED.street_code, w.street_code),
               rule_set_version = EXCLUDED.rule_set_version, hits = EXCLUDED.hits, as_of = EXCLUDED.as_of,
               red_since = CASE WHEN EXCLUDED.level = 'RED' THEN COALESCE(w.red_since, now()) ELSE NULL END,
               -- A red episode ends when the level drops: the next one is escalated afresh.
               escalated_at = CASE WHEN EXCLUDED.level = 'RED' THEN w.escalated_at ELSE NULL END,
               updated_at = CASE WHEN w.level IS DISTINCT FROM EXCLUDED.level OR w.hits IS DISTINCT FROM EXCLUDED.hits
                                   OR w.rule_set_version IS DISTINCT FROM EXCLUDED.rule_set_version
                                 THEN now() ELSE w.updated_at END,
               -- What staff act on changed (not the scan's date alone): a version read before still holds otherwise.
               version = CASE WHEN w.level IS DISTINCT FROM EXCLUDED.level OR w.hits IS DISTINCT FROM EXCLUDED.hits
                                OR w.rule_set_version IS DISTINCT FROM EXCLUDED.rule_set_version
                                OR w.street_code IS DISTINCT FROM COALESCE(EXCLUDED.street_code, w.street_code)
                              THEN w.version + 1 ELSE w.version END
         RETURNING w.id, w.employer_id, w.kind, w.level, w.hits, w.rule_set_version, w.status, w.street_code,
                   w.red_since)
       SELECT up.id, up.employer_id, up.kind, up.level, up.status, up.street_code, up.red_since,
              prev.level AS previous_level,
              prev.employer_id IS NULL AS inserted,
              prev.employer_id IS NULL OR prev.level IS DISTINCT FROM up.level OR prev.hits IS DISTINCT FROM up.hits
                OR prev.rule_set_version IS DISTINCT FROM up.rule_set_version AS changed
         FROM up LEFT JOIN prev ON prev.employer_id = up.employer_id AND prev.kind = up.kind`,
      [
        ws.map(() => newId()),
        ws.map((w) => w.employerId),
        ws.map((w) => w.kind),
        ws.map((w) => w.level),
        ws.map((w) => w.streetCode),
        ws.map((w) => w.ruleSetVersion),
        ws.map((w) => JSON.stringify(w.hits)),
        ws.map((w) => w.asOf),
      ],
    );
    const byKey = new Map(rows.map((r) => [`${r.employer_id}:${r.kind}`, r]));
    return ws.map((w) => {
      const r = byKey.get(`${w.employerId}:${w.kind}`)!;
      return {
        id: r.id,
        inserted: r.inserted,
        previousLevel: r.previous_level,
        level: r.level,
        changed: r.changed,
        status: r.status,
        streetCode: r.street_code,
        redSince: r.red_since,
      };
    });
  }

  /** Appends many events in one statement. */
  async appendEvents(
    em: EntityManager,
    es: Omit<RiskWarningEvent, 'id' | 'occurredAt' | 'warning'>[],
  ): Promise<void> {
    if (es.length === 0) return;
    await em.insert(
      RiskWarningEvent,
      es.map((e) => ({ id: newId(), ...e })),
    );
  }

  async appendEvent(
    em: EntityManager,
    e: Omit<RiskWarningEvent, 'id' | 'occurredAt' | 'warning'>,
  ): Promise<void> {
    await em.insert(RiskWarningEvent, { id: newId(), ...e });
  }

  /** Has the warning an event of this action at or after `since` (null: ever)? */
  async hasEventSince(
    em: EntityManager,
    warningId: string,
    action: string,
    since: Date | null,
  ): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `SELECT 1 FROM risk_warning_events WHERE warning_id = $1 AND action = $2
          AND ($3::timestamptz IS NULL OR occurred_at >= $3::timestamptz) LIMIT 1`,
      [warningId, action, since],
    );
    return rows.length > 0;
  }

  events(em: EntityManager, warningId: string): Promise<RiskWarningEvent[]> {
    return em.find(RiskWarningEvent, { where: { warningId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  /** The levels of the open (not CLOSED) warnings of these employers, one row per (employer, level). */
  openWarningLevels(
    em: EntityManager,
    employerIds: readonly string[],
  ): Promise<{ employerId: string; level: string }[]> {
    return em.query<{ employerId: string; level: string }[]>(
      `SELECT DISTINCT employer_id AS "employerId", level FROM risk_warnings
        WHERE employer_id = ANY($1::uuid[]) AND status <> 'CLOSED'`,
      [employerIds],
    );
  }

  findWarning(em: EntityManager, id: string, lock = false): Promise<RiskWarning | null> {
    return em.findOne(RiskWarning, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async saveWarning(em: EntityManager, w: RiskWarning): Promise<void> {
    await em.save(RiskWarning, w);
  }

  async employerName(em: EntityManager, id: string): Promise<string> {
    const [r] = await em.query<{ name: string }[]>('SELECT name FROM employer_risk_source WHERE id = $1', [
      id,
    ]);
    return r?.name ?? '';
  }

  /** Warnings newest-updated first, scoped to jurisdictions (null street → visible to unscoped callers only). */
  async listWarnings(em: EntityManager, f: WarningFilter): Promise<WarningListRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => (params.push(v), `$${params.length}`);
    if (f.prefixes) where.push(`w.street_code LIKE ANY (${p(f.prefixes.map((x) => `${x}%`))}::text[])`);
    if (f.level) where.push(`w.level = ${p(f.level)}`);
    if (f.kind) where.push(`w.kind = ${p(f.kind)}`);
    if (f.status) where.push(`w.status = ${p(f.status)}`);
    if (f.street) where.push(`w.street_code LIKE ${p(`${f.street}%`)}`);
    if (f.cursor) {
      // The cursor holds milliseconds, PostgreSQL microseconds (one run's writes share a transaction timestamp):
      // compare with the cursor row's own updated_at, falling back to the cursor's.
      const id = p(f.cursor.id);
      where.push(
        `(w.updated_at, w.id) < (COALESCE((SELECT k.updated_at FROM risk_warnings k WHERE k.id = ${id}::uuid), ${p(f.cursor.updatedAt)}::timestamptz), ${id}::uuid)`,
      );
    }
    const rows = await em.query<Record<string, unknown>[]>(
      `SELECT w.*, e.name AS employer_name FROM risk_warnings w JOIN employer_risk_source e ON e.id = w.employer_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY w.updated_at DESC, w.id DESC LIMIT ${p(f.limit + 1)}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      employerId: r.employer_id,
      kind: r.kind,
      level: r.level,
      status: r.status,
      streetCode: r.street_code,
      ruleSetVersion: r.rule_set_version,
      hits: r.hits,
      asOf: r.as_of,
      raisedAt: r.raised_at,
      redSince: r.red_since,
      escalatedAt: r.escalated_at,
      disposal: r.disposal,
      closedAt: r.closed_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
      employer_name: r.employer_name,
    })) as WarningListRow[];
  }

  /** Red warnings still NEW whose RED clock started before `cutoff` and that were not escalated yet. */
  async overdueRed(em: EntityManager, cutoff: Date): Promise<RiskWarning[]> {
    return em
      .createQueryBuilder(RiskWarning, 'w')
      .where(`w.status = 'NEW' AND w.level = 'RED' AND w.escalated_at IS NULL AND w.red_since <= :cutoff`, {
        cutoff,
      })
      .orderBy('w.red_since')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  insertRun(
    em: EntityManager,
    run: Pick<RiskRun, 'id' | 'trigger' | 'status' | 'asOf' | 'requestedBy'>,
  ): Promise<unknown> {
    return em.insert(RiskRun, run);
  }

  async updateRun(em: EntityManager, id: string, patch: Partial<RiskRun>): Promise<void> {
    await em.update(RiskRun, { id }, patch);
  }

  findRun(em: EntityManager, id: string): Promise<RiskRun | null> {
    return em.findOne(RiskRun, { where: { id } });
  }

  /** Session-level advisory lock for the singleton scoring run; false when another run holds it. */
  tryRunLock(em: EntityManager): Promise<boolean> {
    return trySessionLock(em, LOCKS.riskScoringRun);
  }

  releaseRunLock(em: EntityManager): Promise<void> {
    return sessionUnlock(em, LOCKS.riskScoringRun);
  }
}
