import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KeysetCursor } from '../common/http/pagination';
import { GenericPlanReads } from '../database/generic-plan';
import { prepared } from '../database/prepared-statements';
import { ReadMemo } from '../database/read-memo';
import { jurisdictionPatterns } from '../database/query-helpers';
import type { SearchKind } from './dto/search.dto';
import type { SearchKey } from './search.rules';

/** Whose cases a search covers: street prefixes, and for an arbitrator the commission's arbitration cases. */
export interface SearchScope {
  prefixes: readonly string[];
  commissionId: string | null;
}

/** A search key as SQL sees it: a phone only by its blind index. */
export type IndexedSearchKey = Exclude<SearchKey, { kind: 'PHONE' }> | { kind: 'PHONE'; phoneBidx: string };

export interface SearchRow {
  kind: SearchKind;
  id: string;
  tracking_no: string | null;
  case_no: string | null;
  status: string;
  street_code: string;
  street_name: string | null;
  employer_name: string | null;
  employer_name_confirmed: boolean | null;
  filed_on: string;
  complaint_kind: string | null;
  complainant_name: string | null;
  /** encrypted (common/pii-crypto.ts); the service decrypts and masks it */
  complainant_phone_enc: string | null;
  /** the complaint the case hangs off (the case whose personal data the hit shows) */
  complaint_id: string | null;
  /** created_at in UTC with microseconds, for the keyset cursor. */
  cursor_at: string;
}

/**
 * The cross-case search (14.3) in one statement: the key picks complaints (tracking number, phone) and employers
 * (USCC, name by its grams) first, each through its own index, then the four kinds of case hanging off them (or
 * carrying the case number), each in the caller's scope, newest first. It reads only the `*_search_source` views the
 * owners publish (docs/read-contracts.md), plain projections the planner inlines: the tables' indexes serve.
 */
/** The columns every arm of the search selects, by the alias of its case table. */
const COLUMNS: Record<string, string> = {
  c: `'COMPLAINT' AS kind, c.id, c.tracking_no, NULL::varchar AS case_no, c.status,
      c.workplace_street_code AS street_code, c.employer_id, c.received_on AS filed_on, c.created_at,
      c.id AS complaint_id`,
  m: `'MEDIATION' AS kind, m.id, c.tracking_no, m.case_no, m.status, m.street_code,
      m.employer_id, m.opened_on AS filed_on, m.created_at, m.complaint_id`,
  a: `'ARBITRATION' AS kind, a.id, c.tracking_no, a.case_no, a.status,
      a.jurisdiction_code AS street_code, a.employer_id, a.applied_on AS filed_on, a.created_at, a.complaint_id`,
  i: `'INSPECTION' AS kind, i.id, c.tracking_no, i.case_no, i.status,
      i.jurisdiction_code AS street_code, COALESCE(i.employer_id, c.employer_id) AS employer_id,
      i.received_on AS filed_on, i.created_at, i.complaint_id`,
};

@Injectable()
export class SearchRepository {
  /** The employers each name fragment matched, as counted lately (`employersMatching`). */
  private readonly counted = new ReadMemo<{ fragment: string; n: number }>(60_000, (r) => r.fragment, 1000);

  constructor(private readonly genericPlans: GenericPlanReads) {}

  async search(
    em: EntityManager,
    key: IndexedSearchKey,
    scope: SearchScope,
    q: { kinds: readonly SearchKind[]; cursor?: KeysetCursor; limit: number },
  ): Promise<SearchRow[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const matchedComplaints =
      key.kind === 'NUMBER'
        ? `SELECT id FROM complaint_search_source WHERE tracking_no = ${p(key.number)}`
        : key.kind === 'PHONE'
          ? // Reports (举报) are never found by the reporter's number: the reporter stays unknown.
            `SELECT id FROM complaint_search_source WHERE complainant_phone_bidx = ${p(key.phoneBidx)} AND kind = 'COMPLAINT'`
          : `SELECT NULL::uuid AS id WHERE false`;
    const byName = key.kind === 'EMPLOYER_NAME' ? key : null;
    // How a name's employers meet the cases (bench/README.md, seventh pass), by how many match: a few, each one's
    // cases read through its employer index; many, each kind's cases walked newest first against their hashed set;
    // most, the cases walked and each one's employer looked up. Left to itself the planner does the last whatever
    // the count, or scans the set for every case.
    const spread = byName ? nameSpread(await this.employersMatching(em, byName)) : null;
    const matchedEmployers =
      key.kind === 'USCC'
        ? `SELECT id FROM employer_search_source WHERE uscc = ${p(key.uscc)}`
        : byName
          ? employersNamed(byName, p, spread !== 'MOST')
          : `SELECT NULL::uuid AS id WHERE false`;
    const prefixes = p(jurisdictionPatterns(scope.prefixes));
    const inScope = (col: string) => `${col} LIKE ANY(${prefixes}::text[])`;
    const byComplaint = key.kind === 'NUMBER' || key.kind === 'PHONE';
    const byEmployer = key.kind === 'USCC' || key.kind === 'EMPLOYER_NAME';
    const caseNo = key.kind === 'NUMBER' ? p(key.number) : null;
    const cursor = q.cursor ? [p(q.cursor.createdAt), p(q.cursor.id)] : null;
    const limit = p(q.limit + 1);
    // One SELECT per way a case can match, each through its own index, newest first and cut at the page size;
    // an OR of IN-subqueries in one WHERE could use none of them (a sequential scan of each table per search).
    // The key's CTEs are NOT MATERIALIZED: inlined, each arm's IN becomes a hashed semi-join; materialized, it was a
    // scan of the CTE for every candidate row (pudong, "物流": 505-618 ms, inlined 25-65 ms; bench/README.md). A
    // name's FEW or MANY employers are MATERIALIZED: found once, and met as `spread` says.
    const select = (from: string, alias: string, match: string, scoped: string) =>
      `(SELECT ${COLUMNS[alias]} FROM ${from} WHERE ${match} AND ${scoped}${
        cursor
          ? ` AND (${alias}.created_at, ${alias}.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`
          : ''
      } ORDER BY ${alias}.created_at DESC, ${alias}.id DESC LIMIT ${limit})`;
    const arm = (from: string, alias: string, match: string | { employer: string }, scoped: string) => {
      if (typeof match === 'string') return select(from, alias, match, scoped);
      const inSet = `${match.employer} IN (SELECT id FROM me)`;
      if (spread === null || spread === 'MOST') return select(from, alias, inSet, scoped);
      // IS TRUE keeps the IN from becoming a join: a hashed subplan, built once, probed as the cases are walked
      if (spread === 'MANY') return select(from, alias, `(${inSet}) IS TRUE`, scoped);
      return `(SELECT x.* FROM me CROSS JOIN LATERAL ${select(from, alias, `${match.employer} = me.id`, scoped)} x
                ORDER BY x.created_at DESC, x.id DESC LIMIT ${limit})`;
    };
    const arbitrationScope = scope.commissionId
      ? `a.commission_id = ${p(scope.commissionId)}`
      : inScope('a.jurisdiction_code');
    const arms: Record<SearchKind, string[]> = {
      COMPLAINT: [
        ...(byComplaint ? ['c.id IN (SELECT id FROM mc)'] : []),
        ...(byEmployer ? [{ employer: 'c.employer_id' }] : []),
      ].map((m) => arm('complaint_search_source c', 'c', m, inScope('c.workplace_street_code'))),
      MEDIATION: [
        ...(byComplaint ? ['m.complaint_id IN (SELECT id FROM mc)'] : []),
        ...(byEmployer ? [{ employer: 'm.employer_id' }] : []),
        ...(caseNo ? [`m.case_no = ${caseNo}`] : []),
      ].map((m) =>
        arm(
          'mediation_search_source m JOIN complaint_search_source c ON c.id = m.complaint_id',
          'm',
          m,
          inScope('m.street_code'),
        ),
      ),
      ARBITRATION: [
        ...(byComplaint ? ['a.complaint_id IN (SELECT id FROM mc)'] : []),
        ...(byEmployer ? [{ employer: 'a.employer_id' }] : []),
        ...(caseNo ? [`a.case_no = ${caseNo}`] : []),
      ].map((m) =>
        arm(
          'arbitration_search_source a JOIN complaint_search_source c ON c.id = a.complaint_id',
          'a',
          m,
          arbitrationScope,
        ),
      ),
      INSPECTION: [
        ...(byComplaint ? ['i.complaint_id IN (SELECT id FROM mc)'] : []),
        ...(byEmployer ? [{ employer: 'i.employer_id' }] : []),
        ...(caseNo ? [`i.case_no = ${caseNo}`] : []),
      ].map((m) =>
        arm(
          'inspection_search_source i LEFT JOIN complaint_search_source c ON c.id = i.complaint_id',
          'i',
          m,
          inScope('i.jurisdiction_code'),
        ),
      ),
    };
    const union = q.kinds.flatMap((k) => arms[k]);
    if (union.length === 0) return [];
    // The page is cut before the street's and the employer's names are looked up (by key, as scalar subqueries: no
    // plan can join the whole employers table to the arms' rows, as a generic plan did, not knowing the limit).
    const text = `WITH mc AS NOT MATERIALIZED (${matchedComplaints}),
            me AS ${spread === 'FEW' || spread === 'MANY' ? '' : 'NOT '}MATERIALIZED (${matchedEmployers})
       SELECT h.kind, h.id, h.tracking_no, h.case_no, h.status, h.street_code,
              (SELECT j.name FROM jurisdiction_search_source j WHERE j.code = h.street_code) AS street_name,
              (SELECT e.name FROM employer_search_source e WHERE e.id = h.employer_id) AS employer_name,
              (SELECT e.name_confirmed FROM employer_search_source e WHERE e.id = h.employer_id)
                AS employer_name_confirmed,
              h.filed_on::text AS filed_on, pc.kind AS complaint_kind,
              pc.complainant_name, pc.complainant_phone_enc, h.complaint_id,
              to_char(h.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
         FROM (SELECT * FROM (${union.join('\n UNION \n')}) u
                ORDER BY u.created_at DESC, u.id DESC LIMIT ${limit}) h
         LEFT JOIN complaint_search_source pc ON pc.id = h.complaint_id
        ORDER BY h.created_at DESC, h.id DESC`;
    // Every search is a named statement, parsed once per connection and not planned for each call (pudong: 1.7-3.8
    // ms a search planned, 0.4-0.8 ms prepared; bench/README.md, eighth pass). An exact key (phone, number, USCC)
    // finds a handful of rows through one unique or near-unique index, whatever its value: PostgreSQL settles on the
    // generic plan by itself. A name's text has the form of its spread, which sets the plan's shape; its generic
    // plan is taken from the first call, because planned for the values it was dearer, and for most employers far
    // worse ("上" 0.9-1.1 ms generic, 8-10 ms planned each time; "新商" 5.6 against 10-14; seventeenth pass) —
    // and PostgreSQL, comparing estimates, would keep planning those each time. The text varies with the role's
    // kinds, the key's kind and spread, the scope's form and the cursor: a few dozen names.
    return byName
      ? this.genericPlans.query<SearchRow[]>(em, prepared(text), params)
      : em.query<SearchRow[]>(prepared(text), params);
  }

  /**
   * How many employers a name fragment matches, counted up to one past MANY_NAMED_EMPLOYERS — or as counted in
   * this process within the last minute: the count only picks the plan (each way finds the same cases), so one
   * that a register import has made stale costs speed for a minute, never a hit.
   */
  private async employersMatching(em: EntityManager, name: NameFragment): Promise<number> {
    const counted = await this.counted.byIds(em, [name.fragment], async () => {
      const params: unknown[] = [];
      const text = `SELECT count(*)::int AS n FROM (${employersNamed(name, (v) => `$${params.push(v)}`, true)}
         LIMIT ${MANY_NAMED_EMPLOYERS + 1}) s`;
      const [{ n }] = await em.query<{ n: number }[]>(prepared(text), params);
      return [{ fragment: name.fragment, n }];
    });
    return counted.get(name.fragment)!.n;
  }
}

/**
 * How many employers a name matches, as the search meets them. The bounds are where the ways cost the same on the
 * pudong set (bench/README.md, seventh pass): the cost of reading each employer's cases grows with the employers,
 * that of walking the cases with the walk (the page over the share of cases that match).
 */
export const FEW_NAMED_EMPLOYERS = 300;
export const MANY_NAMED_EMPLOYERS = 3000;
type NameSpread = 'FEW' | 'MANY' | 'MOST';
export const nameSpread = (n: number): NameSpread =>
  n <= FEW_NAMED_EMPLOYERS ? 'FEW' : n <= MANY_NAMED_EMPLOYERS ? 'MANY' : 'MOST';

type NameFragment = { fragment: string; pattern: string };

/** Fragments whose own gram decides a match exactly: one or two Chinese or ASCII characters (lower-cased in kind). */
const EXACT_BY_GRAM = /^[\p{Script=Han}\p{ASCII}]{1,2}$/u;

/**
 * The ids of the employers whose name holds a fragment. One or two characters: those holding it as a gram of their
 * name (migration 1796400001600), exactly. Longer: ILIKE, which the trigram index serves (pg_trgm has no trigram for
 * fewer than three characters). Without `byGram`, ILIKE alone: the test of each case's employer as it is looked up.
 */
function employersNamed(name: NameFragment, p: (v: unknown) => string, byGram: boolean): string {
  return byGram && EXACT_BY_GRAM.test(name.fragment)
    ? `SELECT employer_id AS id FROM employer_name_search_source WHERE gram = lower(${p(name.fragment)})`
    : `SELECT id FROM employer_search_source WHERE name ILIKE ${p(name.pattern)}`;
}
