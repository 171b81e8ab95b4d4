import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from '../../../test/support/source-files';
import { isDateTime, isUtcDateTime } from './date-time';

describe('RFC 3339 date-times', () => {
  it('accepts what the API issues and what a client writes with an offset', () => {
    for (const s of [
      '2026-11-26T06:00:00.123Z',
      '2026-11-26T06:00:00.123456Z',
      '2026-12-01T00:00:00+08:00',
      '2024-02-29T23:59:59Z',
      '2026-11-26T06:00Z',
      '2026-12-22T10:00+08:00',
    ])
      expect(isDateTime(s)).toBe(true);
    expect(isUtcDateTime('2026-11-26T06:00:00Z')).toBe(true);
    expect(isUtcDateTime('2026-12-01T00:00:00+08:00')).toBe(false);
  });

  it('refuses what Date.parse or IsISO8601 let through', () => {
    for (const s of [
      '1',
      'Jan 1',
      '2026-W01',
      '2026-W01-3',
      '2026-336',
      '2026-11-26',
      '2026-11-26 06:00:00',
      '2026-02-30T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2026-11-26T24:00:00Z',
      '2026-11-26T06:00:00.1234567Z',
      '2026-W52-2T02:00:00Z',
      '2026-356T02:00:00Z',
      '20261222T020000Z',
      '2026-12-22T02:00:00,5Z',
      '2026-12-22T02Z',
      '2026-12-22T02:00:00',
      '0000-01-01T00:00:00Z',
      '2026-11-26T06:00:00+0800',
      42,
      null,
    ])
      expect([s, isDateTime(s)]).toEqual([s, false]);
  });

  // The audit's 500: IsISO8601 let through ISO forms `new Date()` cannot read, and todayInShanghai threw on them.
  it('whatever it accepts, new Date() reads as a valid instant', () => {
    // Numbers just either side of their ranges, padded, so that both sides of the calendar checks come up.
    const num = (max: number, width = 2) =>
      fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
    const sep = (...xs: string[]) => fc.constantFrom(...xs);
    const candidate = fc
      .tuple(
        num(9999, 4),
        sep('-', '', '-W'),
        num(13),
        sep('-', ''),
        num(32),
        sep('T', ' ', 't'),
        num(24),
        sep(':', ''),
        num(60),
        fc.option(fc.tuple(sep(':', ''), num(60)), { nil: undefined }),
        fc.option(fc.tuple(sep('.', ','), fc.stringMatching(/^\d{1,8}$/)), { nil: undefined }),
        sep('Z', 'z', '', '+08:00', '-05:30', '+0800', '+24:00', '-23:59', '+08'),
      )
      .map(([y, s1, mo, s2, d, t, h, s3, mi, sec, frac, zone]) =>
        [y, s1, mo, s2, d, t, h, s3, mi, sec?.join('') ?? '', frac?.join('') ?? '', zone].join(''),
      );
    fc.assert(
      fc.property(fc.oneof(candidate, fc.string()), (s) => {
        if (isDateTime(s)) expect(Number.isNaN(new Date(s).getTime())).toBe(false);
      }),
      { numRuns: 5000 },
    );
    // And the generator does reach accepted strings: the property is not vacuous. About 1 in 500 candidates is
    // accepted: 2,000 samples held none in about 1 run of 100 (a flaky failure), 20,000 hold none in about 1 of e^40.
    expect(fc.sample(candidate, 20_000).some(isDateTime)).toBe(true);
  });

  it('accepts every timestamp toISOString writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => isUtcDateTime(d.toISOString()),
      ),
    );
  });
});

describe('date-time fields', () => {
  // IsISO8601 (strict or not) takes 2026-W52-2T02:00:00Z, 2026-356T…, 20261222T020000Z and …,5Z, which `new Date()`
  // cannot read: a booking then failed with a 500 (todayInShanghai) or a false "must be in the future". Every
  // date-time field is IsDateTime and every calendar date IsLocalDate, so no DTO may use it.
  it('no source file validates with IsISO8601', () => {
    const src = join(__dirname, '..', '..');
    const users = filesUnder(src)
      .filter((f) => !f.endsWith('.spec.ts') && /\bIsISO8601\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(users).toEqual([]);
  });
});
