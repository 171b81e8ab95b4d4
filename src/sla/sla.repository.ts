import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, SLA_CASE_LOCK_CLASS, tryXactLock } from '../database/locks';
import {
  CELL_COUNTERS,
  type CellCounter,
  cellChecksumsSelect,
  cellsSelect,
  FACT_COLUMNS,
  factChecksumsSelect,
  type FactCaseType,
  factsSelect,
  HANDLING_KEY,
  handlingChecksumsSelect,
  handlingSelect,
} from './sla-facts.sql';
import {
  checksumsBy,
  differingKeys,
  type FactChecksumRow,
  type StreetChecksumRow,
  TYPE_STREET,
} from './sla-checksums';

/** A proceeding of the read model (a KPI target of a case event). */
export interface CaseRef {
  type: FactCaseType;
  id: string;
}

const FACT_TYPES: readonly FactCaseType[] = ['ARBITRATION', 'MEDIATION', 'INSPECTION'];
/**
 * The incremental refresh locks cases by stripe (hash of the case modulo this power of two) rather than one lock
 * per case: the lock table has room for ≈64 locks per connection, and a batch holds thousands of cases.
 */
export const SLA_CASE_LOCK_STRIPES = 64;

/** The fact's columns after its key: a fact changed when one of them did. */
const FACT_VALUES = FACT_COLUMNS.split(', ').slice(2);

export type CellRow = { street_code: string; organisation_id: string; month: string } & Record<
  CellCounter,
  number
>;

/** A handling-day histogram bucket (sla_handling_days). */
export interface HandlingRow {
  case_type: string;
  street_code: string;
  organisation_id: string;
  year: number;
  days: number;
  cases: number;
}

/** A histogram bucket where the maintained count differs from the full recompute's. */
export type HandlingMismatchRow = Omit<HandlingRow, 'cases'> & { incremental: number; full: number };

export interface MismatchRow {
  street_code: string;
  organisation_id: string;
  month: string;
  incremental: Record<CellCounter, number> | null;
  full: Record<CellCounter, number> | null;
}

const UPSERT_ADD = `ON CONFLICT (street_code, organisation_id, month) DO UPDATE SET ${CELL_COUNTERS.map(
  (c) => `${c} = sla_monthly_cells.${c} + EXCLUDED.${c}`,
).join(', ')}`;
const ALL_ZERO = CELL_COUNTERS.map((c) => `${c} = 0`).join(' AND ');
const HANDLING_UPSERT = `INSERT INTO sla_handling_days (${HANDLING_KEY}, cases)`;
const HANDLING_ADD = `ON CONFLICT (${HANDLING_KEY}) DO UPDATE SET cases = sla_handling_days.cases + EXCLUDED.cases`;
const CELL_INSERT = `INSERT INTO sla_monthly_cells (street_code, organisation_id, month, ${CELL_COUNTERS.join(', ')})`;
/** Column types of FACT_COLUMNS (as in sla_case_facts), for the recompute's temporary table. */
const FACT_COLUMN_TYPES: Record<string, string> = {
  case_type: 'varchar(16)',
  case_id: 'uuid',
  street_code: 'varchar(12)',
  organisation_id: 'uuid',
  started_on: 'date',
  due_on: 'date',
  closed_on: 'date',
  agreement: 'boolean',
};

/**
 * How many streets the nightly recompute compared row by row because their checksums differed: facts (any case
 * type), cells, histogram buckets. All 0 on a night where the incremental path was right.
 */
export interface StreetsCompared {
  facts: number;
  cells: number;
  handling: number;
}

/**
 * The write side of the KPI read model: the incremental refresh of cases, the nightly recompute and its runs.
 * The report reads are SlaReportsRepository's.
 */
@Injectable()
export class SlaRepository {
  /**
   * Brings the facts of `cases` up to date with their source rows and moves their contributions between cells
   * and histogram buckets by delta (old out, new in), set-based: one statement whatever the number of cases.
   * Serialised per case by transaction-scoped advisory locks on the cases' stripes (SLA_CASE_LOCK_STRIPES: a
   * batch of thousands of cases takes a bounded number of locks), taken in stripe order so batches sharing
   * stripes wait for each other instead of deadlocking; cell and bucket upserts add atomically in key order, so
   * batches sharing a cell commute. Returns the cases whose fact changed; an unchanged case (a replayed event) writes
   * nothing. A cell whose counters drop to 0 stays (as zeros, equal to no cell) until the nightly recompute.
   */
  async refreshCases(em: EntityManager, cases: readonly CaseRef[]): Promise<CaseRef[]> {
    if (cases.length === 0) return [];
    const types = cases.map((c) => c.type);
    const ids = cases.map((c) => c.id);
    // The recompute's table order: a batch waiting for a running recompute cannot deadlock with it.
    await em.query('LOCK TABLE sla_case_facts, sla_monthly_cells, sla_handling_days IN ROW EXCLUSIVE MODE');
    await em.query(
      `SELECT count(pg_advisory_xact_lock($3, k))::int AS n FROM (
         SELECT DISTINCT (hashtextextended(t || ':' || i::text, 0) & ($4 - 1))::int AS k
           FROM unnest($1::text[], $2::uuid[]) AS u(t, i) ORDER BY k) s`,
      [types, ids, SLA_CASE_LOCK_CLASS, SLA_CASE_LOCK_STRIPES],
    );
    // The statement's snapshot is taken after the locks: it sees what earlier holders of these cases committed.
    const params: unknown[] = [types, ids];
    const fresh = FACT_TYPES.filter((t) => types.includes(t)).map((t) => {
      params.push(ids.filter((_, i) => types[i] === t));
      return factsSelect([t], `ANY($${params.length}::uuid[])`);
    });
    const key = (a: string, b: string) => `${a}.case_type = ${b}.case_type AND ${a}.case_id = ${b}.case_id`;
    const values = (a: string) => FACT_VALUES.map((c) => `${a}.${c}`).join(', ');
    const cellSums = CELL_COUNTERS.map((c) => `sum(${c})::int AS ${c}`).join(', ');
    return em.query<CaseRef[]>(
      `WITH fresh (${FACT_COLUMNS}) AS (SELECT * FROM (${fresh.join('\nUNION ALL\n')}) s),
       old AS (SELECT ${FACT_COLUMNS} FROM sla_case_facts
                WHERE (case_type, case_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))),
       diff AS (SELECT COALESCE(o.case_type, n.case_type) AS case_type, COALESCE(o.case_id, n.case_id) AS case_id
                  FROM old o FULL JOIN fresh n ON ${key('n', 'o')}
                 WHERE (${values('o')}) IS DISTINCT FROM (${values('n')})),
       gone AS (SELECT o.* FROM old o JOIN diff d ON ${key('d', 'o')}),
       came AS (SELECT n.* FROM fresh n JOIN diff d ON ${key('d', 'n')}),
       deleted AS (DELETE FROM sla_case_facts f USING gone g
                    WHERE ${key('f', 'g')} AND NOT EXISTS (SELECT 1 FROM came c WHERE ${key('c', 'g')})),
       upserted AS (INSERT INTO sla_case_facts (${FACT_COLUMNS})
                    SELECT ${FACT_COLUMNS} FROM came ORDER BY case_type, case_id
                    ON CONFLICT (case_type, case_id) DO UPDATE SET
                    ${FACT_VALUES.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()),
       cells AS (${CELL_INSERT}
                 SELECT street_code, organisation_id, month, ${cellSums}
                   FROM ((${cellsSelect('gone', -1)}) UNION ALL (${cellsSelect('came', 1)})) d
                  GROUP BY street_code, organisation_id, month
                 HAVING ${CELL_COUNTERS.map((c) => `sum(${c}) <> 0`).join(' OR ')}
                  ORDER BY street_code, organisation_id, month ${UPSERT_ADD}),
       buckets AS (${HANDLING_UPSERT}
                   SELECT ${HANDLING_KEY}, sum(cases)::int
                     FROM ((${handlingSelect('gone', -1)}) UNION ALL (${handlingSelect('came', 1)})) h
                    GROUP BY ${HANDLING_KEY} HAVING sum(cases) <> 0 ORDER BY ${HANDLING_KEY} ${HANDLING_ADD})
       SELECT case_type AS type, case_id AS id FROM diff`,
      params,
    );
  }

  /**
   * The read model's version: a sequence bumped after every committed change of facts, cells or histogram
   * (nextval is not transactional and never blocks, so concurrent writers do not serialise on it).
   */
  async version(em: EntityManager): Promise<string> {
    const [row] = await em.query<{ v: string }[]>('SELECT last_value::text AS v FROM sla_read_model_version');
    return row.v;
  }

  async bumpVersion(em: EntityManager): Promise<void> {
    await em.query(`SELECT nextval('sla_read_model_version')`);
  }

  /** Takes the nightly recompute's lock for this transaction; false when another run holds it. */
  tryRecomputeLock(em: EntityManager): Promise<boolean> {
    return tryXactLock(em, LOCKS.slaRecompute);
  }

  /**
   * The nightly recompute, in the caller's transaction (incremental writers are blocked meanwhile):
   * 1. the facts derived from the source tables are compared with the stored ones by a checksum per (street,
   *    case type) (sla-facts.sql factChecksumsSelect: one pass over each source table and one over the stored
   *    facts); only in the streets that differ are they joined proceeding by proceeding, and only the facts that
   *    differ are rewritten;
   * 2. the cells and histogram buckets are compared with those the facts add up to by a linear checksum per
   *    street (computed in step 1's pass over the stored facts, without building the cells; a street whose
   *    facts changed is compared in full), then cell by cell in the streets that differ; only the cells and
   *    buckets that differ are rewritten.
   * Returns the counts, how many cells and buckets differed and the first `sampleSize` of them. The result is
   * the same as rebuilding every table from scratch; rewriting only the differences keeps a night's run to
   * reading, not writing, 10 M facts.
   */
  async recomputeFull(
    em: EntityManager,
    types: readonly FactCaseType[],
    sampleSize: number,
  ): Promise<{
    facts: number;
    cells: number;
    factsChanged: number;
    mismatched: number;
    sample: (MismatchRow | HandlingMismatchRow)[];
    streetsCompared: StreetsCompared;
  }> {
    await em.query('LOCK TABLE sla_case_facts, sla_monthly_cells, sla_handling_days IN EXCLUSIVE MODE');
    // Lets the joins and groupings over every fact hash in memory rather than spill (this transaction only).
    await em.query(`SET LOCAL work_mem = '256MB'`);
    await em.query(
      `CREATE TEMP TABLE sla_fact_diff (gone boolean NOT NULL, ${FACT_COLUMNS.split(', ')
        .map((c) => `${c} ${FACT_COLUMN_TYPES[c]}`)
        .join(', ')}) ON COMMIT DROP`,
    );
    // 1. Which facts differ: per (street, case type), the checksum of the facts derived from the source tables
    // against the stored ones'; the stored facts' pass also yields the checksums of the cells and buckets they
    // add up to (step 2). In a night where the incremental path was right, nothing is joined row by row.
    const stored = await em.query<FactChecksumRow[]>(factChecksumsSelect('sla_case_facts', true));
    const source = await em.query<FactChecksumRow[]>(
      factChecksumsSelect(`(SELECT * FROM (${factsSelect(types)}) s(${FACT_COLUMNS}))`, false),
    );
    const factKeys = differingKeys(
      checksumsBy(source, TYPE_STREET, (r) => r.facts),
      checksumsBy(stored, TYPE_STREET, (r) => r.facts),
    ).map((k) => k.split(' ') as [FactCaseType, string]);
    const fresh = FACT_VALUES.map((c) => `f.${c}`).join(', ');
    const kept = FACT_VALUES.map((c) => `s.${c}`).join(', ');
    for (const type of types) {
      const streets = factKeys.filter(([t]) => t === type).map(([, street]) => street);
      if (streets.length === 0) continue;
      await em.query(
        `INSERT INTO sla_fact_diff
         SELECT f.case_id IS NULL, '${type}', COALESCE(f.case_id, s.case_id), ${fresh}
           FROM (SELECT * FROM (${factsSelect([type])}) f0(${FACT_COLUMNS}) WHERE street_code = ANY($1::text[])) f
           FULL JOIN (SELECT * FROM sla_case_facts WHERE case_type = '${type}' AND street_code = ANY($1::text[])) s
             ON s.case_id = f.case_id
          WHERE (${fresh}) IS DISTINCT FROM (${kept})`,
        [streets],
      );
    }
    const [{ n: factsChanged }] = await em.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM sla_fact_diff',
    );
    if (factsChanged > 0) {
      await em.query(
        `DELETE FROM sla_case_facts s USING sla_fact_diff d WHERE s.case_type = d.case_type AND s.case_id = d.case_id`,
      );
      await em.query(
        `INSERT INTO sla_case_facts (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM sla_fact_diff WHERE NOT gone`,
      );
    }

    // 2. Which streets' cells and buckets differ: the checksums of the maintained ones against those of the facts
    // (step 1's, which hold for the streets whose facts were all right; the others are compared in full). Only
    // those streets are compared cell by cell, so a night where the incremental path was right reads every fact
    // once and every cell once, and joins nothing.
    const changedStreets = new Set(factKeys.map(([, street]) => street));
    const street = (r: { street_code: string }) => r.street_code;
    /** Streets whose facts changed, and those whose maintained rows' checksum differs from the facts'. */
    const toCompare = (fromFacts: Map<string, bigint>, maintained: StreetChecksumRow[]) =>
      [
        ...new Set([
          ...changedStreets,
          ...differingKeys(
            fromFacts,
            checksumsBy(maintained, street, (r) => r.sum),
          ),
        ]),
      ].sort();
    const cellStreets = toCompare(
      checksumsBy(stored, street, (r) => r.cells),
      await em.query<StreetChecksumRow[]>(cellChecksumsSelect()),
    );
    const handlingStreets = toCompare(
      checksumsBy(stored, street, (r) => r.handling),
      await em.query<StreetChecksumRow[]>(handlingChecksumsSelect()),
    );
    const facts = (param: string) =>
      `(SELECT * FROM sla_case_facts WHERE street_code = ANY(${param}::text[]))`;
    // No street to compare: the table is created empty, without reading the facts.
    const noData = (streets: string[]) => (streets.length === 0 ? 'WITH NO DATA' : '');
    const counters = (alias: string) =>
      `CASE WHEN ${alias}.street_code IS NULL THEN NULL ELSE jsonb_build_object(${CELL_COUNTERS.map(
        (c) => `'${c}', ${alias}.${c}`,
      ).join(', ')}) END`;
    await em.query(
      `CREATE TEMP TABLE sla_cell_diff ON COMMIT DROP AS
       SELECT COALESCE(i.street_code, f.street_code) AS street_code,
              COALESCE(i.organisation_id, f.organisation_id) AS organisation_id,
              COALESCE(i.month, f.month) AS month, ${counters('i')} AS incremental, ${counters('f')} AS full,
              f.street_code IS NOT NULL AS in_full, ${CELL_COUNTERS.map((c) => `f.${c} AS full_${c}`).join(', ')}
         FROM (SELECT * FROM sla_monthly_cells WHERE street_code = ANY($1::text[])) i
         FULL JOIN (${cellsSelect(facts('$1'))}) f
           ON f.street_code = i.street_code AND f.organisation_id = i.organisation_id AND f.month = i.month
        WHERE ${CELL_COUNTERS.map((c) => `COALESCE(i.${c}, 0) <> COALESCE(f.${c}, 0)`).join(' OR ')}
         ${noData(cellStreets)}`,
      [cellStreets],
    );
    await em.query(
      `CREATE TEMP TABLE sla_handling_diff ON COMMIT DROP AS
       SELECT ${HANDLING_KEY.split(', ')
         .map((k) => `COALESCE(i.${k}, f.${k}) AS ${k}`)
         .join(', ')}, COALESCE(i.cases, 0) AS incremental, COALESCE(f.cases, 0) AS full
         FROM (SELECT * FROM sla_handling_days WHERE street_code = ANY($1::text[])) i
         FULL JOIN (${handlingSelect(facts('$1'))}) f USING (${HANDLING_KEY})
        WHERE COALESCE(i.cases, 0) <> COALESCE(f.cases, 0) ${noData(handlingStreets)}`,
      [handlingStreets],
    );
    const [n] = await em.query<{ cell_diffs: number; handling_diffs: number }[]>(
      `SELECT (SELECT count(*) FROM sla_cell_diff)::int AS cell_diffs,
              (SELECT count(*) FROM sla_handling_diff)::int AS handling_diffs`,
    );
    const cellSample = await em.query<MismatchRow[]>(
      `SELECT street_code, organisation_id, month, incremental, "full" FROM sla_cell_diff ORDER BY 1, 2, 3 LIMIT $1`,
      [sampleSize],
    );
    const handlingSample = await em.query<HandlingMismatchRow[]>(
      `SELECT * FROM sla_handling_diff ORDER BY 1, 2, 3, 4, 5 LIMIT $1`,
      [Math.max(0, sampleSize - cellSample.length)],
    );

    // Rewrite the cells and buckets that differ (a cell the full result no longer has is deleted).
    await em.query(
      `DELETE FROM sla_monthly_cells c USING sla_cell_diff d
        WHERE c.street_code = d.street_code AND c.organisation_id = d.organisation_id AND c.month = d.month`,
    );
    await em.query(
      `${CELL_INSERT} SELECT street_code, organisation_id, month, ${CELL_COUNTERS.map((c) => `full_${c}`).join(', ')}
         FROM sla_cell_diff WHERE in_full`,
    );
    await em.query(
      `DELETE FROM sla_handling_days h USING sla_handling_diff d WHERE ${HANDLING_KEY.split(', ')
        .map((k) => `h.${k} = d.${k}`)
        .join(' AND ')}`,
    );
    await em.query(
      `${HANDLING_UPSERT} SELECT ${HANDLING_KEY}, "full" FROM sla_handling_diff WHERE "full" <> 0`,
    );
    const [size] = await em.query<{ facts: number; cells: number }[]>(
      `SELECT (SELECT count(*) FROM sla_case_facts)::int AS facts,
              (SELECT count(*) FROM sla_monthly_cells WHERE NOT (${ALL_ZERO}))::int AS cells`,
    );
    return {
      facts: size.facts,
      cells: size.cells,
      factsChanged,
      mismatched: n.cell_diffs + n.handling_diffs,
      sample: [...cellSample, ...handlingSample],
      streetsCompared: {
        facts: changedStreets.size,
        cells: cellStreets.length,
        handling: handlingStreets.length,
      },
    };
  }

  async recordRun(
    em: EntityManager,
    run: { id: string; startedAt: Date; facts: number; cells: number; mismatched: number; sample: unknown[] },
  ): Promise<void> {
    await em.query(
      `INSERT INTO sla_recompute_runs (id, started_at, finished_at, facts, cells, mismatched_cells, sample)
       VALUES ($1, $2, clock_timestamp(), $3, $4, $5, $6::jsonb)`,
      [run.id, run.startedAt, run.facts, run.cells, run.mismatched, JSON.stringify(run.sample)],
    );
  }

  async mismatchTotals(
    em: EntityManager,
  ): Promise<{ runs: number; mismatched: number; lastAt: Date | null }> {
    const [row] = await em.query<{ runs: number; mismatched: number; last_at: Date | null }[]>(
      `SELECT count(*)::int AS runs, COALESCE(sum(mismatched_cells), 0)::int AS mismatched,
              max(finished_at) AS last_at FROM sla_recompute_runs`,
    );
    return { runs: row.runs, mismatched: row.mismatched, lastAt: row.last_at };
  }

  /** Every cell that counts something, in key order (tests compare incremental and full results with it). */
  allCells(em: EntityManager): Promise<CellRow[]> {
    return em.query<CellRow[]>(
      `SELECT street_code, organisation_id, month, ${CELL_COUNTERS.join(', ')} FROM sla_monthly_cells
        WHERE NOT (${ALL_ZERO}) ORDER BY street_code, organisation_id, month`,
    );
  }

  /** Every non-empty handling-day bucket, in key order (tests compare incremental and full results with it). */
  allHandlingBuckets(em: EntityManager): Promise<HandlingRow[]> {
    return em.query<HandlingRow[]>(
      `SELECT ${HANDLING_KEY}, cases FROM sla_handling_days WHERE cases <> 0 ORDER BY 1, 2, 3, 4, 5`,
    );
  }
}
