import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { filesUnder } from '../test/support/source-files';

/** The ground floor: modules every domain may use, which use no domain (issue 19, docs/architecture.md). */
const LOWER = ['database', 'common', 'audit', 'queue', 'calendar', 'deadlines', 'notifications', 'auth'];
/** Infrastructure beside the ground floor that is not a domain either. */
const INFRASTRUCTURE = ['config', 'idempotency'];
/** At most this many imports still run from the ground floor up to a domain module (each listed below). */
const MAX_UPWARD = 5;

const SRC = __dirname;

/** The top folder under src/ of a file, or null for a file at the root (the composition root). */
function moduleOf(file: string): string | null {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : null;
}

/** Every `from '…'` of relative imports in a file, resolved to the module it lands in. */
function importedModules(file: string): { spec: string; module: string | null }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => {
    const target = resolve(file, '..', m[1]);
    return { spec: m[1], module: target.startsWith(SRC + sep) ? moduleOf(target + '.ts') : null };
  });
}

/** Imports from a ground-floor module up to a domain module, as `file -> module`. */
export function upwardImports(): string[] {
  const out: string[] = [];
  for (const file of filesUnder(SRC)) {
    const from = moduleOf(file);
    if (!from || !LOWER.includes(from)) continue;
    for (const { module } of importedModules(file))
      if (module && !LOWER.includes(module) && !INFRASTRUCTURE.includes(module))
        out.push(`${relative(SRC, file)} -> ${module}`);
  }
  return out.sort();
}

describe('architecture: the ground floor does not climb', () => {
  it(`at most ${MAX_UPWARD} imports run from ${LOWER.join(', ')} up to a domain module`, () => {
    const upward = upwardImports();
    // On failure the list names each import (file -> module).
    expect(upward.length > MAX_UPWARD ? upward : []).toEqual([]);
    expect(upward.length).toBeLessThanOrEqual(MAX_UPWARD);
  });

  it('the scanner sees an upward import when there is one (it can fail)', () => {
    // The composition root imports every module; were it under database/, all of those would count.
    const root = importedModules(join(SRC, 'app.module.ts')).filter(
      (i) => i.module && !LOWER.includes(i.module) && !INFRASTRUCTURE.includes(i.module),
    );
    expect(root.length).toBeGreaterThan(MAX_UPWARD);
  });
});

describe('architecture: the proceedings contribute their deadline rules', () => {
  /** Relative imports of calendar/ and deadlines/ that leave the ground floor, the composition root included. */
  function engineImportsUp(): string[] {
    return filesUnder(SRC)
      .filter((file) => ['calendar', 'deadlines'].includes(moduleOf(file) ?? ''))
      .flatMap((file) =>
        importedModules(file)
          .filter((i) => resolve(file, '..', i.spec).startsWith(SRC + sep))
          .filter((i) => !i.module || (!LOWER.includes(i.module) && !INFRASTRUCTURE.includes(i.module)))
          .map((i) => `${relative(SRC, file)} -> ${i.spec}`),
      );
  }

  it('calendar/ and deadlines/ import no proceeding and not the composition root: the rules reach them as data', () => {
    expect(engineImportsUp()).toEqual([]);
  });

  it('the composition root assembles the rules from the proceedings (the check can fail)', () => {
    const fromRoot = importedModules(join(SRC, 'deadline-rules.ts')).map((i) => i.module);
    expect(fromRoot).toEqual(
      expect.arrayContaining(['calendar', 'mediation', 'arbitration', 'inspection', 'complaints']),
    );
  });
});

describe('architecture: operations are platform, not domain', () => {
  // ops (metrics, health, job console, failed jobs) sits beside the ground floor: domains register into it
  // (MetricsService.registerGauge), it imports none of them.
  const PLATFORM = [...LOWER, ...INFRASTRUCTURE, 'ops'];
  it('ops imports only the ground floor', () => {
    const upward = filesUnder(join(SRC, 'ops')).flatMap((file) =>
      importedModules(file)
        .filter((i) => i.module && !PLATFORM.includes(i.module))
        .map((i) => `${relative(SRC, file)} -> ${i.module}`),
    );
    expect(upward).toEqual([]);
  });
});

describe('architecture: a transaction is passed, never defaulted', () => {
  // An `em` that defaults to the pool's manager lets a call inside a transaction read on a second pooled connection
  // (it starves the pool under load and does not see the transaction's own writes): entity managers are explicit.
  const DEFAULTED = /\b\w+\??\s*:\s*EntityManager\s*=|\b\w+\?\s*:\s*EntityManager\b/;
  it('no parameter of type EntityManager is optional or has a default', () => {
    const found = filesUnder(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (DEFAULTED.test(line) ? [`${relative(SRC, file)}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('the pattern sees both forms (it can fail)', () => {
    expect(DEFAULTED.test('async calendar(em: EntityManager = this.dataSource.manager)')).toBe(true);
    expect(DEFAULTED.test('    em?: EntityManager,')).toBe(true);
    expect(DEFAULTED.test('  async calendar(em: EntityManager): Promise<WorkingCalendar> {')).toBe(false);
  });
});

describe('architecture: no room too big', () => {
  const MAX_LINES = 400;
  it(`no file in src/ is over ${MAX_LINES} lines`, () => {
    // Specs included.
    const big = filesUnder(SRC, (p) => p.endsWith('.ts'))
      .map((file) => ({
        file: relative(SRC, file),
        lines: readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter((f) => f.lines > MAX_LINES);
    expect(big).toEqual([]);
  });
});
