import { DataSource } from 'typeorm';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { todayInShanghai } from '../src/calendar/local-date';
import { featureSql } from '../src/risk/risk-features.sql';
import { bootApp, closeApp, flags, jobHandler, runMain } from './lib/app';
import { median, ms, summarise, verdict } from './lib/stats';

/**
 * Early warning (issue 7) on the loaded data set, in one process running the workers (PROCESS_ROLE=all):
 *  1. the full scoring run as an admin starts it (POST /api/v1/risk/runs, executed by the worker), polled until
 *     done; its own figures `counts.durationMs` and `counts.featureSqlMs` (the bare feature SQL inside the run)
 *     and the wall-clock time; then the bare feature SQL once more on its own (the same statement, all
 *     employers, as `RiskRepository.features` runs it). Targets: run ≤ 120 s and ≤ 2 × the bare SQL.
 *  2. rescoring single employers (`risk.rescore-employer`, as the worker runs it after an event), for the
 *     employers with the most complaints. Target: p95 ≤ 50 ms.
 *
 *   DATABASE_URL=postgres://…/bench_national REDIS_URL=redis://127.0.0.1:6379 node dist/bench/risk-scan.js
 */
const TARGET_RUN_S = 120;
const TARGET_RESCORE_P95_MS = 50;

async function inject(
  app: NestFastifyApplication,
  method: 'GET' | 'POST',
  url: string,
  token?: string,
  body?: object,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app
    .getHttpAdapter()
    .getInstance()
    .inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, payload: body });
  return { status: res.statusCode, body: res.json() };
}

runMain(async () => {
  const f = flags({
    runs: 1,
    warmup: 1,
    rescores: 200,
    password: process.env.DEMO_PASSWORD ?? 'demo-password-1',
  });
  const app = await bootApp('all');
  const ds = app.get(DataSource);
  try {
    const login = await inject(app, 'POST', '/api/v1/auth/login', undefined, {
      username: 'admin',
      password: f.password,
    });
    if (login.status !== 200) throw new Error(`admin login: HTTP ${login.status}`);
    const token = login.body.accessToken as string;

    const runTimes: number[] = [];
    const ratios: number[] = [];
    // Warm the cache once with the bare statement, so the first run and the bare timings that follow each run
    // read the same pages from the same place.
    if (f.warmup) console.log(`warm-up: bare feature SQL ${ms(await bareFeatureSql(ds))}`);
    for (let i = 0; i < f.runs; i++) {
      const t0 = performance.now();
      const started = await inject(app, 'POST', '/api/v1/risk/runs', token);
      if (started.status !== 201)
        throw new Error(`POST /risk/runs: HTTP ${started.status} ${JSON.stringify(started.body)}`);
      let run = started.body;
      while (!['DONE', 'FAILED', 'SKIPPED'].includes(run.status as string)) {
        await new Promise((r) => setTimeout(r, 250));
        run = (await inject(app, 'GET', `/api/v1/risk/runs/${run.id as string}`, token)).body;
      }
      const wall = performance.now() - t0;
      if (run.status !== 'DONE') throw new Error(`run ${run.status as string}: ${String(run.error)}`);
      const counts = run.counts as { durationMs?: number; featureSqlMs?: number; employers?: number };
      const bare = await bareFeatureSql(ds);
      const duration = counts.durationMs ?? wall;
      runTimes.push(duration / 1000);
      ratios.push(duration / bare);
      console.log(
        `run ${i + 1}: ${counts.employers ?? '?'} employers, run ${ms(duration)} (wall ${ms(wall)}), feature SQL in ` +
          `the run ${ms(counts.featureSqlMs ?? NaN)}, bare feature SQL alone ${ms(bare)}, run/bare ${(duration / bare).toFixed(2)}`,
      );
    }
    const mRun = median(runTimes);
    const mRatio = median(ratios);
    console.log(
      `risk run: median ${mRun.toFixed(2)} s (target ≤ ${TARGET_RUN_S} s: ${verdict(mRun, TARGET_RUN_S)}), ` +
        `run/bare SQL ${mRatio.toFixed(2)} (target ≤ 2: ${verdict(mRatio, 2)})`,
    );

    const rescore = jobHandler(app, 'risk.rescore-employer');
    const employers = await ds.query<{ employer_id: string }[]>(
      `SELECT employer_id FROM complaints GROUP BY employer_id ORDER BY count(*) DESC LIMIT $1`,
      [f.rescores],
    );
    const times: number[] = [];
    for (const e of employers) {
      const t0 = performance.now();
      await rescore({ employerId: e.employer_id });
      times.push(performance.now() - t0);
    }
    const s = summarise(times);
    console.log(
      `rescore one employer (${s.n} busiest): p50=${ms(s.p50)} p95=${ms(s.p95)} p99=${ms(s.p99)} ` +
        `(target p95 ≤ ${TARGET_RESCORE_P95_MS} ms: ${verdict(s.p95, TARGET_RESCORE_P95_MS)})`,
    );
  } finally {
    await closeApp(app);
  }
});

/** The risk module's feature statement for every employer as of today, alone (what the run's scoring adds to). */
async function bareFeatureSql(ds: DataSource): Promise<number> {
  const t0 = performance.now();
  await ds.query(featureSql(), [[todayInShanghai()], null, false]);
  return performance.now() - t0;
}
