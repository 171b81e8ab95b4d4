import { Rng } from '../../bench/generator/rng';
import { seedSynthetic } from '../../bench/seed/loader';
import { SlaAggregatesService } from '../../src/sla/sla-aggregates.service';
import { type CaseRef, SlaRepository } from '../../src/sla/sla.repository';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

const SEED = 20261126;
/** How many refreshes run at once: the Batcher merges them, as it merges the jobs a worker holds. */
const CONCURRENT = 4;

/** In place, seeded Fisher–Yates. */
function shuffle<T>(xs: T[], rng: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

describe('SLA read model of a generated pudong-size history (≈150 000 complaints), built only by the batched incremental refresh, == full recompute', () => {
  let t: TestApp;
  let aggregates: SlaAggregatesService;
  let repo: SlaRepository;
  const q = <T>(sql: string, params: unknown[] = []) => t.dataSource.query<T[]>(sql, params);
  /** Order-independent fingerprint of the facts (their columns, not updated_at). */
  const factsChecksum = async () => {
    const [row] = await q<{ n: number; h: string }>(
      `SELECT count(*)::int AS n, md5(string_agg(f::text, '|' ORDER BY f.case_type, f.case_id)) AS h
         FROM (SELECT case_type, case_id, street_code, organisation_id, started_on, due_on, closed_on, agreement
                 FROM sla_case_facts) f`,
    );
    return row;
  };

  beforeAll(async () => {
    t = await startTestApp();
    aggregates = t.app.get(SlaAggregatesService);
    repo = t.app.get(SlaRepository);
    // The worker queues a baseline recompute on a database that never had one: it runs on the empty database,
    // so the recompute at the end of the test is an ordinary (counted) comparison, not the baseline.
    await eventually(async () => {
      const [r] = await q<{ n: number }>('SELECT count(*)::int AS n FROM sla_recompute_runs');
      return r.n > 0;
    });
    await seedSynthetic({ databaseUrl: t.databaseUrl, scale: 'pudong', seed: 1, end: '2026-11-26' });
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('every case refreshed in shuffled order, in batches of varying size, 10 % of them twice: facts, cells and histogram equal the recompute (mismatchedCells 0)', async () => {
    const rng = new Rng(SEED, 'sla-pudong-incremental');
    const cases = await q<CaseRef>(
      `SELECT 'ARBITRATION' AS type, id FROM arbitration_cases
       UNION ALL SELECT 'MEDIATION', id FROM mediation_cases
       UNION ALL SELECT 'INSPECTION', id FROM inspection_cases`,
    );
    expect(cases.length).toBeGreaterThan(120_000);
    expect(await factsChecksum()).toMatchObject({ n: 0 });
    const replayed = shuffle([...cases], rng).slice(0, Math.round(cases.length / 10));
    // The replays are interleaved with the first deliveries: some come before the case's other delivery.
    const deliveries = shuffle([...cases, ...replayed], rng);
    const batches: CaseRef[][] = [];
    for (let i = 0; i < deliveries.length;) {
      // From a single case to a few thousand (log-uniform): the sizes a burst of jobs produces.
      const size = Math.round(Math.exp(rng.float() * Math.log(3000)));
      batches.push(deliveries.slice(i, i + size));
      i += size;
    }
    expect(batches.length).toBeGreaterThan(50);
    let next = 0;
    const refresher = async () => {
      while (next < batches.length) await aggregates.refreshCases(batches[next++]);
    };
    await Promise.all(Array.from({ length: CONCURRENT }, refresher));

    const facts = await factsChecksum();
    expect(facts.n).toBeGreaterThan(100_000);
    const cells = await repo.allCells(t.dataSource.manager);
    expect(cells.length).toBeGreaterThan(1000);
    const buckets = await repo.allHandlingBuckets(t.dataSource.manager);
    expect(buckets.length).toBeGreaterThan(1000);
    // A further replay of the replayed cases changes nothing.
    expect(await aggregates.refreshCases(replayed)).toBe(0);

    const run = await aggregates.recomputeAll();
    // No checksum differed: no street was compared row by row.
    expect(run).toMatchObject({
      skipped: false,
      baseline: false,
      mismatchedCells: 0,
      facts: facts.n,
      factsChanged: 0,
      streetsCompared: { facts: 0, cells: 0, handling: 0 },
    });
    expect(await factsChecksum()).toEqual(facts);
    expect(await repo.allCells(t.dataSource.manager)).toEqual(cells);
    expect(await repo.allHandlingBuckets(t.dataSource.manager)).toEqual(buckets);
  }, 180_000);
});
