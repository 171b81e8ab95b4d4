import { Rng } from '../../bench/generator/rng';
import { seedSynthetic } from '../../bench/seed/loader';
import { type JobName, type JobPayloads, QUEUE_CONCURRENCY, QueueName } from '../../src/queue/job-catalogue';
import { SlaAggregatesService } from '../../src/sla/sla-aggregates.service';
import { SlaRepository } from '../../src/sla/sla.repository';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

const SEED = 20261126;
/** How many sla.case-event jobs run at once (the sla queue's concurrency in the worker). */
const CONCURRENT = QUEUE_CONCURRENCY[QueueName.Sla];

/** In place, seeded Fisher–Yates. */
function shuffle<T>(xs: T[], rng: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

describe('SLA read model of a generated pudong-size history (≈150 000 complaints), built only by the sla.case-event handler, == full recompute', () => {
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
    await seedSynthetic({
      databaseUrl: t.databaseUrl,
      scale: 'pudong',
      seed: 1,
      end: '2026-11-26',
      piiKeys: t.config.piiKeys,
    });
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('a case-event job for every proceeding, delivered to the sla.case-event handler in shuffled order, 10 % of them twice: facts, cells and histogram equal the recompute', async () => {
    const rng = new Rng(SEED, 'sla-pudong-incremental');
    // One sla.case-event job per proceeding, of the shape the SLA module's case-event listener queues for the
    // events the services append (the proceedings' ids; the job never reads the event back).
    const events: JobPayloads[JobName.SlaCaseEvent][] = (
      await q<{ type: 'ARBITRATION' | 'MEDIATION' | 'INSPECTION'; id: string }>(
        `SELECT 'ARBITRATION' AS type, id FROM arbitration_cases
         UNION ALL SELECT 'MEDIATION', id FROM mediation_cases
         UNION ALL SELECT 'INSPECTION', id FROM inspection_cases
         ORDER BY id`,
      )
    ).map((c) => ({ cases: [c] }));
    expect(events.length).toBeGreaterThan(120_000);
    expect(await factsChecksum()).toMatchObject({ n: 0 });
    const replayed = shuffle([...events], rng).slice(0, Math.round(events.length / 10));
    // The replays are interleaved with the first deliveries: some come before the event's other delivery.
    const deliveries = shuffle([...events, ...replayed], rng);
    // As the worker runs the sla queue's jobs: CONCURRENT at a time, each handled by onCaseEvent; the Batcher
    // merges the refreshes of the jobs in flight into shared transactions. Returns how many facts changed.
    const deliver = async (ids: readonly JobPayloads[JobName.SlaCaseEvent][]) => {
      let next = 0;
      let changed = 0;
      const job = async () => {
        while (next < ids.length) {
          // Not `changed += await …`: that would read `changed` before the await and lose other jobs' counts.
          const n = await aggregates.onCaseEvent(ids[next++]);
          changed += n;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENT }, job));
      return changed;
    };
    expect(await deliver(deliveries)).toBeGreaterThan(100_000);

    const facts = await factsChecksum();
    expect(facts.n).toBeGreaterThan(100_000);
    const cells = await repo.allCells(t.dataSource.manager);
    expect(cells.length).toBeGreaterThan(1000);
    const buckets = await repo.allHandlingBuckets(t.dataSource.manager);
    expect(buckets.length).toBeGreaterThan(1000);
    // A further replay of every replayed event changes nothing.
    expect(await deliver(replayed)).toBe(0);

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
  }, 420_000);
});
