// @ts-check
/* global describe, beforeAll -- Jest's, in the group file that calls runGroup */
/**
 * The whole suite (`npm test`) runs the e2e specs in groups: one Jest test file (test/groups/NN.e2e-group.ts) loads
 * several specs, each inside a describe of its own name, so they share one module registry. Jest loads (and
 * compiles) the platform's and NestJS's ~3,000 modules once per test file: 7.5–12 s of each e2e file's time in CI,
 * which with 121 files was most of the run (.ci/run on 2026-12-07: 932 s of Jest, over the 15-minute budget).
 * Each spec still boots and closes its own app on its own database; only the loaded code is shared.
 *
 * Every test/e2e/*.e2e-spec.ts is in exactly one group or in SOLO: the groups are made from the directory listing
 * each time, so a new spec is never left out. Asked for particular files (`--testPathPatterns`, a path argument)
 * Jest runs them as files, as before.
 */
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const E2E = join(ROOT, 'test', 'e2e');
const GROUPS = join(ROOT, 'test', 'groups');

/**
 * Specs that run as files of their own: the ones that take minutes (they start first, so the run does not end on
 * one of them with the other worker idle), and any that need a fresh process.
 */
const SOLO = [
  'test/e2e/sla-pudong-incremental.e2e-spec.ts',
  'test/e2e/dashboard.e2e-spec.ts',
  'test/e2e/embedded-default.e2e-spec.ts',
  'test/e2e/fuzz.e2e-spec.ts',
];

/** A spec's expected weight: its size (a proxy for its tests) plus its app's boot and close (≈ 6 KB of spec). */
function weightOf(file) {
  return statSync(join(ROOT, file)).size + 6000;
}

/** The group files present: test/groups/01.e2e-group.ts … */
function groupFiles() {
  return readdirSync(GROUPS)
    .filter((f) => /^\d+\.e2e-group\.ts$/.test(f))
    .sort()
    .map((f) => `test/groups/${f}`);
}

/**
 * The e2e specs, other than SOLO, dealt into the groups: heaviest first, each to the lightest group so far
 * (longest-processing-time first), so that the groups weigh about the same. Deterministic for a set of files.
 */
function partition() {
  const groups = groupFiles().map((file) => ({ file, weight: 0, specs: /** @type {string[]} */ ([]) }));
  const specs = readdirSync(E2E)
    .filter((f) => f.endsWith('.e2e-spec.ts'))
    .map((f) => `test/e2e/${f}`)
    .filter((f) => !SOLO.includes(f))
    .map((file) => ({ file, weight: weightOf(file) }))
    .sort((a, b) => b.weight - a.weight || (a.file < b.file ? -1 : 1));
  for (const spec of specs) {
    const lightest = groups.reduce((min, g) => (g.weight < min.weight ? g : min));
    lightest.specs.push(spec.file);
    lightest.weight += spec.weight;
  }
  return groups;
}

/** The specs of one group file (its path relative to the repository, or absolute). */
function specsOf(groupFile) {
  const rel = groupFile.startsWith(ROOT) ? groupFile.slice(ROOT.length + 1) : groupFile;
  const group = partition().find((g) => g.file === rel.replace(/\\/g, '/'));
  if (!group) throw new Error(`${groupFile} is not a group file`);
  return group.specs;
}

/**
 * Loads each spec of a group inside a describe named after it. Called from a group file's top level, so the specs'
 * describes, tests and hooks register while Jest collects the file.
 */
function runGroup(groupFile) {
  const fresh = processStateNow();
  for (const spec of specsOf(groupFile)) {
    describe(spec, () => {
      beforeAll(fresh);
      require(join(ROOT, spec));
    });
  }
}

/**
 * A function that puts back the process-wide state the apps change to what it is now (before any app): what a spec
 * would find in a process of its own.
 * - nestjs-pino keeps one root logger per process, made by the first app (rootLogger.js, not exported: reached by
 *   its path); a later app logged outside requests to the first one's stream.
 * - Nest's static Logger (`new Logger('Bootstrap')`) writes through the last app's logger (app.useLogger); a later
 *   spec's start-up logged through a closed app's.
 */
function processStateNow() {
  const nestjsPino = require.resolve('nestjs-pino');
  /** @type {{ resetRootLogger: () => void }} */
  const rootLogger = require(join(nestjsPino, '..', 'rootLogger.js'));
  const { Logger } = require('@nestjs/common');
  const nest = { ref: Logger.staticInstanceRef, levels: Logger.logLevels };
  return () => {
    rootLogger.resetRootLogger();
    Logger.staticInstanceRef = nest.ref;
    Logger.logLevels = nest.levels;
    Logger.logBuffer = [];
    Logger.isBufferAttached = false;
  };
}

/** Whether Jest was asked for particular test files rather than the whole suite. */
function particularFilesAsked(argv) {
  const filters = ['--testPathPatterns', '--testPathPattern', '--findRelatedTests', '--onlyChanged', '-o'];
  const filterFlag = argv.some((a) => filters.some((f) => a === f || a.startsWith(`${f}=`)));
  // A positional path argument (jest test/e2e/x.e2e-spec.ts, jest arbitration); not a flag's value.
  const LISTS = new Set(['--selectProjects', '--reporters']);
  const VALUED = new Set([
    '--maxWorkers',
    '-w',
    '--testTimeout',
    '-t',
    '--testNamePattern',
    '--shard',
    '--seed',
    '-c',
    '--config',
    '--outputFile',
  ]);
  let positional = false;
  let inList = false;
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-')) {
      inList = LISTS.has(a);
      if (VALUED.has(a)) i++;
    } else if (!inList) positional = true;
  }
  return filterFlag || positional;
}

module.exports = { SOLO, partition, runGroup, particularFilesAsked };
