import { buildWorld, type World } from '../../bench/lib/fixtures';
import {
  formatResult,
  fuzzOperation,
  fuzzTargets,
  pollutedPrototypeKeys,
  totals,
  type FuzzResult,
} from '../../bench/lib/fuzz-run';
import { readOpenApi, routeAccess, type RouteAccess } from '../../bench/lib/openapi-ops';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 15.3 (fuzz): fuzzed bodies for every write operation of openapi.json that takes JSON, sent by a caller
 * whose role the operation allows, at the objects of street A. No answer may be a 5xx, and every error is in the
 * one shape. The large run is `npm run bench:fuzz` (same generators, bench/lib/fuzz-*.ts).
 */
const PER_ENDPOINT = Number(process.env.FUZZ_PER_ENDPOINT ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261215);

describe(`fuzzed request bodies (${PER_ENDPOINT} per operation, seed ${SEED}; FUZZ_SEED / FUZZ_PER_ENDPOINT override)`, () => {
  const doc = readOpenApi();
  const targets = fuzzTargets(doc);
  let t: TestApp;
  let world: World;
  let access: Map<string, RouteAccess>;
  const results: FuzzResult[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    access = routeAccess(t.app);
    world = await buildWorld(t.app, DEMO_PASSWORD);
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  }, 120_000);
  afterAll(async () => {
    const sum = totals(results);
    console.log(
      `${results.map(formatResult).join('\n')}\n` +
        `fuzz: ${sum.sent} bodies to ${results.length} operations, ${sum.serverErrors} × 5xx, ` +
        `${sum.shapeBreaks} answers out of the error shape (seed ${SEED})`,
    );
    await t?.close();
  });

  it('covers the write operations of openapi.json', () => {
    expect(targets.length).toBeGreaterThan(50);
  });

  it.each(targets.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: no 5xx, every error in the one shape',
    async (_name, op) => {
      const r = await fuzzOperation(t.app, doc, op, world, access.get(op.operationId), PER_ENDPOINT, SEED);
      results.push(r);
      expect(r.sent).toBe(PER_ENDPOINT);
      expect(r.serverErrors).toEqual([]);
      expect(r.shapeBreaks).toEqual([]);
    },
  );

  it('left Object.prototype clean (no pollution from the __proto__ / constructor bodies)', () => {
    expect(results.length).toBe(targets.length);
    expect(pollutedPrototypeKeys()).toEqual([]);
  });
});
