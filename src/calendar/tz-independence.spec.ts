import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeDeadline } from './deadline-engine';
import { DEADLINE_RULES } from '../deadline-rules';
import { addDays, dayOfWeek, todayInShanghai } from './local-date';
import { WorkingCalendar } from './working-calendar';

/**
 * Legal dates must not depend on the server's time zone. Three checks:
 * 1. no pure module calls a local-time Date method;
 * 2. at run time, the calendar and the engine never touch one (they are trapped to throw);
 * 3. child processes with different TZ values compute identical results.
 * (Assigning process.env.TZ inside Jest does not reach the real process: Jest gives each test file its own copy
 * of process.env. Hence the child processes.)
 */

/** The pure modules (the Nest service, controller and repository beside them may use instants legitimately). */
const PURE_MODULES = [
  'local-date.ts',
  'working-calendar.ts',
  'chinese-days-years.ts',
  'statutory-holidays.ts',
  'deadline-rules.ts',
  'deadline-engine.ts',
  // The proceedings' rules and limitation helpers the engine counts with.
  '../mediation/mediation.deadline-rules.ts',
  '../arbitration/arbitration.deadline-rules.ts',
  '../inspection/inspection.deadline-rules.ts',
  '../complaints/complaints.deadline-rules.ts',
];
const SOURCES = PURE_MODULES.map((f) => ({ file: f, text: readFileSync(join(__dirname, f), 'utf8') }));

const LOCAL_TIME_CALLS = [
  /\.(getDate|getDay|getMonth|getFullYear|getYear|getHours|getMinutes|getTimezoneOffset)\(/,
  /\.(setDate|setMonth|setFullYear|setHours|setMinutes)\(/,
  /\.(toLocaleDateString|toLocaleString|toLocaleTimeString|toDateString|toTimeString)\(/,
  /new Date\([^()]*,/, // new Date(y, m, d): local time
  /Date\.parse\(/,
];

/** A sample that exercises every module: dates around two Spring Festivals, every forward rule, pauses. */
function scenario(): unknown[] {
  const calendar = new WorkingCalendar();
  const rules = Object.values(DEADLINE_RULES).filter((r) => r.direction === 'AFTER');
  const out: unknown[] = [
    todayInShanghai(new Date('2025-01-01T16:00:00Z')),
    todayInShanghai(new Date('2025-06-30T15:59:00Z')),
  ];
  for (let i = 0; i < 800; i += 7) {
    const d = addDays('2024-12-01', i);
    const events = [
      { type: 'PAUSE' as const, date: addDays(d, 2), reason: '中止' },
      { type: 'RESUME' as const, date: addDays(d, 9) },
    ];
    out.push([d, dayOfWeek(d), calendar.isWorkingDay(d).working]);
    for (const rule of rules) out.push(computeDeadline(rule, d, events, calendar, addDays(d, 20)));
  }
  return out;
}

describe('time-zone independence', () => {
  it('no pure calendar module calls a local-time Date method', () => {
    const offending = SOURCES.flatMap(({ file, text }) =>
      text
        .split('\n')
        .flatMap((line, i) =>
          LOCAL_TIME_CALLS.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offending).toEqual([]);
  });

  it('never calls a local-time Date method at run time', () => {
    const methods = [
      'getDate',
      'getDay',
      'getMonth',
      'getFullYear',
      'getHours',
      'getTimezoneOffset',
      'setDate',
      'setMonth',
      'setFullYear',
      'setHours',
      'toLocaleDateString',
      'toLocaleString',
    ] as const;
    const spies = methods.map((m) =>
      jest.spyOn(Date.prototype, m).mockImplementation(() => {
        throw new Error(`local-time Date.prototype.${m} called`);
      }),
    );
    try {
      expect(scenario().length).toBeGreaterThan(100);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });

  it('gives identical results in processes with different TZ', () => {
    // The child compiles the TypeScript sources with @swc/core (as Jest does) and runs the same scenario.
    const child = `
      global.describe = () => {}; // load the spec file for its scenario only
      const swc = require('@swc/core');
      const fs = require('fs');
      require.extensions['.ts'] = (m, filename) => {
        const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
          filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
        });
        m._compile(code, filename);
      };
      const { scenario } = require(process.argv[1]);
      process.stdout.write(JSON.stringify({ offset: new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset(), out: scenario() }));
    `;
    const harness = join(__dirname, 'tz-independence.spec.ts');
    const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    const runs = zones.map((tz) => {
      const stdout = execFileSync(process.execPath, ['-e', child, harness], {
        cwd: join(__dirname, '..', '..'),
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      return JSON.parse(stdout) as { offset: number; out: unknown[] };
    });
    // The zones really differ (UTC, +8, −8, +14, −11 hours)...
    expect(runs.map((r) => r.offset)).toEqual([0, -480, 480, -840, 660]);
    // ...and the results do not, and equal this process's.
    const expected = JSON.parse(JSON.stringify(scenario())) as unknown[];
    for (const r of runs) expect(r.out).toEqual(expected);
    expect(expected[0]).toBe('2025-01-02');
  });
});

export { scenario };
