import { parseRow } from './risk-signals.service';

const now = new Date('2026-11-26T04:00:00Z');
const ok = {
  employerUscc: '91310115ma1k000001',
  source: 'SOCIAL_INSURANCE',
  kind: 'SOCIAL_INSURANCE_ARREARS_MONTHS',
  value: '3',
  observedAt: '2026-11-20T08:00:00+08:00',
};

describe('signal rows', () => {
  it('accepts a CSV-style row (numbers as text, lower-case code) and normalises it', () => {
    expect(parseRow(ok, now)).toEqual({
      ok: true,
      uscc: '91310115MA1K000001',
      signal: {
        source: 'SOCIAL_INSURANCE',
        kind: 'SOCIAL_INSURANCE_ARREARS_MONTHS',
        value: 3,
        observedAt: '2026-11-20T00:00:00.000Z',
      },
    });
  });

  it('lists every problem of a row by field', () => {
    const r = parseRow(
      { employerUscc: 'x', source: 'POLICE', kind: 'X', value: 'NaN', observedAt: '2026-11-20' },
      now,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.field)).toEqual(['employerUscc', 'source', 'kind', 'value', 'observedAt']);
  });

  it('checks the range and integrality of each kind, and refuses the future', () => {
    const bad = (over: object) => {
      const r = parseRow({ ...ok, ...over }, now);
      return r.ok ? [] : r.errors.map((e) => e.field);
    };
    expect(bad({ value: 2.5 })).toEqual(['value']);
    expect(bad({ value: -1 })).toEqual(['value']);
    expect(bad({ kind: 'UTILITY_USAGE_DROP_PCT', value: 37.5 })).toEqual([]);
    expect(bad({ kind: 'UTILITY_USAGE_DROP_PCT', value: 101 })).toEqual(['value']);
    expect(bad({ observedAt: '2026-11-26T04:04:00Z' })).toEqual([]);
    expect(bad({ observedAt: '2026-11-26T04:06:00Z' })).toEqual(['observedAt']);
    expect(parseRow('row', now).ok).toBe(false);
  });
  it("refuses kinds that are Object.prototype's members and values beyond the column, per row", () => {
    for (const kind of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = parseRow({ ...ok, kind, value: 1 }, now);
      expect([kind, r.ok ? [] : r.errors.map((e) => e.field)]).toEqual([kind, ['kind']]);
    }
    const huge = parseRow({ ...ok, kind: 'constructor', value: 1e20 }, now);
    expect(huge.ok ? [] : huge.errors.map((e) => e.field)).toEqual(['kind', 'value']);
  });
});
