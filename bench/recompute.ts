import { bootApp, closeApp, flags, jobHandler, runMain } from './lib/app';
import { median } from './lib/stats';

/**
 * The full nightly KPI recompute (job `sla.recompute-all`, issue 6) on the loaded data set, called in-process
 * exactly as the worker calls it; several runs, median. Target: ≤ 60 s on the `national` set.
 *
 *   DATABASE_URL=postgres://…/bench_national node dist/bench/recompute.js --runs 3
 */
const TARGET_S = 60;

runMain(async () => {
  const f = flags({ runs: 3, job: 'sla.recompute-all' });
  const app = await bootApp('api');
  try {
    const handler = jobHandler(app, f.job);
    const times: number[] = [];
    for (let i = 0; i < f.runs; i++) {
      const t0 = performance.now();
      await handler({});
      times.push((performance.now() - t0) / 1000);
      console.log(`run ${i + 1}: ${times[i].toFixed(2)} s`);
    }
    const m = median(times);
    console.log(
      `${f.job}: median of ${f.runs} runs ${m.toFixed(2)} s (target ≤ ${TARGET_S} s: ${m <= TARGET_S ? 'PASS' : 'FAIL'})`,
    );
  } finally {
    await closeApp(app);
  }
});
