import { Injectable } from '@nestjs/common';
import { EntityManager, type EntityTarget } from 'typeorm';
import type { Page } from '../common/http/pagination';
import { jurisdictionPatterns, keysetPage, whereInJurisdictions } from '../database/query-helpers';
import { ClosureNotice, CollectiveContractFiling, HarmoniousEnterprise, LayoffFiling } from './entities';
import { LAYOFF_RULES, type RecordedLayoff } from './layoff.rules';

type FilingRow = LayoffFiling | ClosureNotice | CollectiveContractFiling | HarmoniousEnterprise;

const W = LAYOFF_RULES.AGGREGATION_WINDOW_DAYS;
/** The thresholds of art41Applies on the summed cut `g.cut` and the largest staff reported `g.staff`. */
const ART41_TOGETHER = `(g.cut >= ${LAYOFF_RULES.HEADCOUNT_THRESHOLD} OR g.cut * 100 >= g.staff * ${LAYOFF_RULES.SHARE_THRESHOLD_PERCENT})`;

export interface ListFilter {
  street?: string;
  employerId?: string;
  /** Extra equality conditions on columns of the table (snake_case → value). */
  equals?: Record<string, string | number>;
  /** A raw condition with its parameters (e.g. a status derived from dates). */
  where?: { sql: string; params: Record<string, unknown> };
}

/** All SQL of the filings module. */
@Injectable()
export class FilingsRepository {
  async insert<T extends FilingRow>(em: EntityManager, target: EntityTarget<T>, row: T): Promise<void> {
    await em.insert(target, row as never);
  }

  findById<T extends FilingRow>(em: EntityManager, target: EntityTarget<T>, id: string): Promise<T | null> {
    return em.createQueryBuilder(target, 'f').where('f.id = :id', { id }).getOne();
  }

  lockById<T extends FilingRow>(em: EntityManager, target: EntityTarget<T>, id: string): Promise<T | null> {
    return em
      .createQueryBuilder(target, 'f')
      .setLock('pessimistic_write')
      .where('f.id = :id', { id })
      .getOne();
  }

  /** Newest first, restricted to the caller's jurisdiction prefixes. */
  list<T extends FilingRow>(
    em: EntityManager,
    target: EntityTarget<T>,
    prefixes: readonly string[],
    f: ListFilter,
    page: { cursor?: string; limit?: number },
  ): Promise<Page<T>> {
    const qb = whereInJurisdictions(
      em.createQueryBuilder(target, 'f').where('1 = 1'),
      'f.jurisdiction_code',
      prefixes,
    );
    if (f.street) qb.andWhere('f.jurisdiction_code = :street', { street: f.street });
    if (f.employerId) qb.andWhere('f.employer_id = :employerId', { employerId: f.employerId });
    Object.entries(f.equals ?? {}).forEach(([col, value], i) =>
      qb.andWhere(`f.${col} = :eq${i}`, { [`eq${i}`]: value }),
    );
    if (f.where) qb.andWhere(f.where.sql, f.where.params);
    return keysetPage(em, qb, 'f', page.cursor, page.limit ?? 20);
  }

  async recordObjection(
    em: EntityManager,
    id: string,
    o: { objectedOn: string; opinion: string; userId: string },
  ): Promise<void> {
    await em.update(
      CollectiveContractFiling,
      { id },
      {
        status: 'OBJECTED',
        objectedOn: o.objectedOn,
        objectionOpinion: o.opinion,
        objectedByUserId: o.userId,
      },
    );
  }

  async revokeHarmonious(em: EntityManager, id: string, revokedOn: string, reason: string): Promise<void> {
    await em.update(HarmoniousEnterprise, { id }, { revokedOn, revocationReason: reason });
  }

  /**
   * Enterprises on the register on `asOf`, each counted once, per district (first 6 digits) and per street,
   * within the given jurisdiction prefixes.
   */
  async registerCounts(
    em: EntityManager,
    prefixes: readonly string[],
    asOf: string,
  ): Promise<{ districts: Map<string, number>; streets: Map<string, number> }> {
    const patterns = jurisdictionPatterns(prefixes);
    const rows = await em.query<{ district: string | null; street: string | null; count: number }[]>(
      `SELECT left(h.jurisdiction_code, 6) AS district, h.jurisdiction_code AS street,
              count(DISTINCT h.employer_id)::int AS count
         FROM harmonious_enterprises h
        WHERE h.jurisdiction_code LIKE ANY($1::text[])
          AND h.recognised_on <= $2::date AND h.valid_until >= $2::date
          AND (h.revoked_on IS NULL OR h.revoked_on > $2::date)
        GROUP BY GROUPING SETS ((left(h.jurisdiction_code, 6)), (h.jurisdiction_code))`,
      [patterns, asOf],
    );
    const districts = new Map<string, number>();
    const streets = new Map<string, number>();
    for (const r of rows) {
      if (r.street !== null) streets.set(r.street, r.count);
      else if (r.district !== null) districts.set(r.district, r.count);
    }
    return { districts, streets };
  }

  /**
   * The employer's layoff filings whose layoff date lies within `windowDays` of `layoffOn` (either side), for the
   * split rule (assessArt41). Reads the filings committed before; the caller holds the employer's layoff lock.
   */
  async layoffsNear(
    em: EntityManager,
    employerId: string,
    layoffOn: string,
    windowDays: number,
  ): Promise<RecordedLayoff[]> {
    const rows = await em.query<RecordedLayoff[]>(
      `SELECT id, headcount_cut AS "headcountCut", total_headcount AS "totalHeadcount",
              to_char(layoff_on, 'YYYY-MM-DD') AS "layoffOn"
         FROM layoff_filings
        WHERE employer_id = $1 AND layoff_on BETWEEN $2::date - $3::int AND $2::date + $3::int`,
      [employerId, layoffOn, windowDays],
    );
    return rows;
  }

  /** Layoff and closure facts of one employer filed on or after `since` (for the risk scorer). */
  async employerFacts(
    em: EntityManager,
    employerId: string,
    since: string,
  ): Promise<{
    layoffFilings: number;
    art41Layoffs: number;
    headcountCut: number;
    maxCutShare: number | null;
    closureNotices: number;
    closureWorkersAffected: number;
    latestClosureEffectiveOn: string | null;
  }> {
    // art41: filings that are Art 41 layoffs alone or with the employer's cuts of the split rule's window (the test
    // of assessArt41, as the risk feature SQL applies it).
    const [l] = await em.query<{ n: number; art41: number; cut: number; share: string | null }[]>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE x.art41_applies OR ${ART41_TOGETHER})::int AS art41,
              coalesce(sum(x.headcount_cut), 0)::int AS cut,
              max(x.headcount_cut::numeric / x.total_headcount) AS share
         FROM layoff_filings x
         CROSS JOIN LATERAL (
           SELECT sum(y.headcount_cut) AS cut, max(y.total_headcount) AS staff FROM layoff_filings y
            WHERE y.employer_id = x.employer_id
              AND y.layoff_on BETWEEN x.layoff_on - ${W} AND x.layoff_on + ${W}) g
        WHERE x.employer_id = $1 AND x.filed_on >= $2::date`,
      [employerId, since],
    );
    const [c] = await em.query<{ n: number; workers: number; latest: string | null }[]>(
      `SELECT count(*)::int AS n, coalesce(sum(workers_affected), 0)::int AS workers,
              to_char(max(effective_on), 'YYYY-MM-DD') AS latest
         FROM closure_notices WHERE employer_id = $1 AND notified_on >= $2::date`,
      [employerId, since],
    );
    return {
      layoffFilings: l.n,
      art41Layoffs: l.art41,
      headcountCut: l.cut,
      maxCutShare: l.share === null ? null : Number(l.share),
      closureNotices: c.n,
      closureWorkersAffected: c.workers,
      latestClosureEffectiveOn: c.latest,
    };
  }

  /** Employers with a layoff filing or closure notice recorded at or after `since` (an instant). */
  async employersFiledSince(em: EntityManager, since: Date): Promise<string[]> {
    const rows = await em.query<{ employer_id: string }[]>(
      `SELECT employer_id FROM layoff_filings WHERE created_at >= $1
       UNION SELECT employer_id FROM closure_notices WHERE created_at >= $1`,
      [since],
    );
    return rows.map((r) => r.employer_id);
  }
}
