import type { INestApplicationContext } from '@nestjs/common';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { ArbitrationClosingService } from '../src/arbitration/arbitration-closing.service';
import type { Principal } from '../src/auth/roles';
import { SlaAggregatesService } from '../src/sla/sla-aggregates.service';
import { bootApp, closeApp, flags, runMain, spawnWorker } from './lib/app';
import { ms, summarise, verdict } from './lib/stats';

/**
 * Incremental KPI update lag (issue 6): an arbitration case is closed through ArbitrationClosingService (its transaction
 * appends the case event and, with the sla module, the outbox row of `sla.case-event`); the lag is the time from
 * the call's start (so it includes the commit; conservative) until the KPI fact of the case shows the closure
 * (`sla_case_facts.closed_on`). Events arrive open-loop at --rate per second for --seconds; this process runs the
 * workers and the outbox relay (PROCESS_ROLE=all), or with --worker-process 1 a child worker process does (see
 * below). Target: p95 ≤ 1 s under 200 events/s. The rate actually offered is printed: with --inflight closes at a
 * time it can fall short of --rate.
 *
 *   DATABASE_URL=postgres://…/bench_national REDIS_URL=redis://127.0.0.1:6379 node dist/bench/incremental-lag.js
 */
const TARGET_P95_MS = 1000;

/**
 * A pudong load has ≈800 open arbitration cases, a 20 s run at 200/s closes 4 000: closed (not awarded) cases are
 * reopened by SQL to make up the difference, and their KPI facts refreshed so they read as open before the run
 * (their statutory clocks stay stopped, so closing them again appends no clock events). Every run can reuse them.
 */
async function reopenCases(app: INestApplicationContext, n: number): Promise<void> {
  const ds = app.get(DataSource);
  const [{ open }] = await ds.query<{ open: number }[]>(
    `SELECT count(*)::int AS open FROM arbitration_cases WHERE status IN ('ACCEPTED', 'TRIBUNAL_FORMED', 'HEARING_SCHEDULED')`,
  );
  if (open >= n) return;
  // TypeORM answers an UPDATE with [rows, affected].
  const [reopened] = await ds.query<[{ id: string }[], number]>(
    `UPDATE arbitration_cases SET status = 'HEARING_SCHEDULED', closed_on = NULL, closure_type = NULL,
            version = version + 1, updated_at = now()
      WHERE id IN (SELECT id FROM arbitration_cases WHERE status = 'CLOSED' AND closure_type <> 'AWARD'
                    ORDER BY id LIMIT $1)
      RETURNING id`,
    [n - open],
  );
  await app
    .get(SlaAggregatesService)
    .refreshCases(reopened.map((r) => ({ type: 'ARBITRATION' as const, id: r.id })));
  console.log(`reopened ${reopened.length} closed arbitration cases (${open} were open)`);
}

interface OpenCase {
  id: string;
  version: number;
  district: string;
  arbitrator: string;
  organisation: string;
}

runMain(async () => {
  const f = flags({
    rate: 200,
    seconds: 20,
    poll: 20,
    inflight: 8,
    'worker-process': 0,
    drain: 0,
    'outbox-poll-ms': 0,
  });
  // --worker-process 1: this process only generates events (PROCESS_ROLE=api); the workers and the outbox relay
  // run in a child worker process, whose outbox relay is woken by the NOTIFY that each outbox insert sends
  // (OUTBOX_CHANNEL); its poll (OUTBOX_POLL_MS) only backs that up.
  const split = f['worker-process'] === 1;
  // --drain 1 (with --worker-process 1): the worker starts only once every event is committed; the time it takes
  // to make them all visible is the pipeline's capacity (events/s), whatever rate the generator reached.
  const drain = split && f.drain === 1;
  const app = await bootApp(split ? 'api' : 'all');
  const startWorker = () =>
    spawnWorker(f['outbox-poll-ms'] ? { OUTBOX_POLL_MS: String(f['outbox-poll-ms']) } : {});
  let worker = split && !drain ? await startWorker() : null;
  const ds = app.get(DataSource);
  try {
    const n = Math.round(f.rate * f.seconds);
    await reopenCases(app, n);
    const cases = await ds.query<OpenCase[]>(
      `SELECT a.id, a.version, left(a.jurisdiction_code, 6) AS district, u.id AS arbitrator, u.organisation_id AS organisation
         FROM arbitration_cases a JOIN users u ON u.username = 'bench-arbitrator-' || left(a.jurisdiction_code, 6)
        WHERE a.status IN ('ACCEPTED', 'TRIBUNAL_FORMED', 'HEARING_SCHEDULED')
        ORDER BY a.id LIMIT $1`,
      [n],
    );
    if (cases.length < n)
      throw new Error(`only ${cases.length} open arbitration cases for ${n} events: lower --seconds`);
    const load0 = loadavg();
    const arbitration = app.get(ArbitrationClosingService);
    const started = new Map<string, number>();
    const lags: number[] = [];
    const callMs: number[] = [];
    let failed = 0;
    // Poller: which closures are visible in the KPI facts yet.
    let polling = true;
    const poller = (async () => {
      while (polling || started.size) {
        const ids = [...started.keys()];
        if (ids.length) {
          const seen = await ds.query<{ case_id: string }[]>(
            `SELECT case_id FROM sla_case_facts WHERE case_type = 'ARBITRATION' AND case_id = ANY ($1::uuid[])
               AND closed_on IS NOT NULL`,
            [ids],
          );
          const now = performance.now();
          for (const { case_id } of seen) {
            lags.push(now - started.get(case_id)!);
            started.delete(case_id);
          }
        }
        await new Promise((r) => setTimeout(r, f.poll));
      }
    })();
    const t0 = performance.now();
    const inflight = new Set<Promise<void>>();
    for (let i = 0; i < n; i++) {
      const due = t0 + (i * 1000) / f.rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // At most --inflight closes at a time (0: no limit). Unbounded, 20+ concurrent closes exhaust the pool of 20
      // connections for good: DeadlinesService.addEvent awaits CalendarService.calendar(), which reads through
      // another pooled connection while the transaction holds its own (see bench/README.md).
      while (f.inflight > 0 && inflight.size >= f.inflight) await Promise.race(inflight);
      const c = cases[i];
      const viewer: Principal = {
        userId: c.arbitrator,
        role: 'ARBITRATOR',
        jurisdictions: [c.district],
        organisationId: c.organisation,
      };
      const s = performance.now();
      const p = arbitration
        .close(viewer, c.id, {
          version: c.version,
          closureType: 'WITHDRAWN',
          withdrawal: { basis: 'APPLICANT_REQUEST', channel: 'WRITTEN' },
        })
        .then(
          () => {
            callMs.push(performance.now() - s);
            started.set(c.id, s);
          },
          (err: unknown) => {
            failed++;
            if (failed <= 3) console.error(`close ${c.id}: ${(err as Error).message}`);
          },
        )
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
    const offered = n / ((performance.now() - t0) / 1000);
    let ready = 0;
    if (drain) {
      worker = await startWorker();
      ready = performance.now();
    }
    const deadline = performance.now() + 60_000;
    while (started.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (drain) {
      const s = (performance.now() - ready) / 1000;
      console.log(
        `drain: ${n - started.size} events visible ${s.toFixed(2)} s after the worker was ready ` +
          `(${((n - started.size) / s).toFixed(0)} events/s)`,
      );
    }
    polling = false;
    const invisible = started.size;
    started.clear();
    await poller;
    const s = summarise(lags);
    const c = summarise(callMs);
    const load = loadavg();
    console.log(
      `load average at start ${load0.map((x) => x.toFixed(2)).join(' ')}, at end ${load.map((x) => x.toFixed(2)).join(' ')}`,
    );
    console.log(
      `events: ${n} offered at ${offered.toFixed(0)}/s, ${failed} failed, ${invisible} not visible after 60 s`,
    );
    console.log(`close() call: p50=${ms(c.p50)} p95=${ms(c.p95)} p99=${ms(c.p99)}`);
    console.log(
      `lag event → KPI fact: p50=${ms(s.p50)} p95=${ms(s.p95)} p99=${ms(s.p99)} max=${ms(s.max)} ` +
        `(target p95 ≤ ${TARGET_P95_MS} ms: ${verdict(s.p95, TARGET_P95_MS)})`,
    );
  } finally {
    await worker?.stop();
    await closeApp(app);
  }
});
