import fc from 'fast-check';
import {
  formatTrackingNumber,
  isValidTrackingNumber,
  MAX_TRACKING_SEQ,
  parseTrackingNumber,
  TrackingNumberParts,
} from './tracking-number';
import { iso7064Mod112 } from './validation/id-number';

const parts: fc.Arbitrary<TrackingNumberParts> = fc.record({
  prefix: fc.stringMatching(/^[A-Z]{2}$/),
  year: fc.integer({ min: 1000, max: 9999 }),
  seq: fc.integer({ min: 1, max: MAX_TRACKING_SEQ }),
});

describe('formatTrackingNumber', () => {
  it('renders PREFIX-YYYY-SEQ7-CHECK', () => {
    // Hand-computed: digits 20260000123, weights 2,1,6,3,7,9,10,5,8,4,2 -> sum 56, 56 mod 11 = 1 -> "0".
    expect(formatTrackingNumber('TS', 2026, 123)).toBe('TS-2026-0000123-0');
    expect(formatTrackingNumber('AB', 2026, MAX_TRACKING_SEQ)).toMatch(/^AB-2026-9999999-[0-9X]$/);
  });

  it('can produce X as the check character', () => {
    const withX = Array.from({ length: 20 }, (_, i) => formatTrackingNumber('TS', 2026, i + 1)).find((t) =>
      t.endsWith('X'),
    );
    expect(withX).toBeDefined();
    expect(isValidTrackingNumber(withX as string)).toBe(true);
  });

  it.each([
    ['lowercase prefix', 'ts', 2026, 1],
    ['3-letter prefix', 'TSX', 2026, 1],
    ['digit prefix', 'T1', 2026, 1],
    ['3-digit year', 'TS', 999, 1],
    ['5-digit year', 'TS', 10000, 1],
    ['fractional year', 'TS', 2026.5, 1],
    ['sequence 0', 'TS', 2026, 0],
    ['sequence too large', 'TS', 2026, MAX_TRACKING_SEQ + 1],
    ['fractional sequence', 'TS', 2026, 1.5],
    ['NaN sequence', 'TS', 2026, Number.NaN],
  ])('throws for %s', (_label, prefix, year, seq) => {
    expect(() => formatTrackingNumber(prefix, year, seq)).toThrow(RangeError);
  });
});

describe('parseTrackingNumber', () => {
  it('parses a valid number', () => {
    expect(parseTrackingNumber('TS-2026-0000123-0')).toEqual({ prefix: 'TS', year: 2026, seq: 123 });
    expect(isValidTrackingNumber('TS-2026-0000123-0')).toBe(true);
  });

  it.each([
    ['wrong check character', 'TS-2026-0000123-7'],
    ['lowercase prefix', 'ts-2026-0000123-0'],
    ['lowercase x', 'TS-2026-0000123-x'],
    ['missing hyphens', 'TS20260000123-0'],
    ['short sequence', 'TS-2026-000123-0'],
    ['surrounding space', ' TS-2026-0000123-0'],
    ['empty', ''],
  ])('returns null for %s', (_label, s) => {
    expect(parseTrackingNumber(s)).toBeNull();
    expect(isValidTrackingNumber(s)).toBe(false);
  });

  it('returns null for sequence 0 and years before 1000 even with a correct check character', () => {
    expect(parseTrackingNumber(`TS-2026-0000000-${iso7064Mod112('20260000000')}`)).toBeNull();
    expect(parseTrackingNumber(`TS-0999-0000001-${iso7064Mod112('09990000001')}`)).toBeNull();
  });
});

describe('properties', () => {
  it('format then parse round-trips', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const formatted = formatTrackingNumber(p.prefix, p.year, p.seq);
        expect(formatted).toMatch(/^[A-Z]{2}-\d{4}-\d{7}-[0-9X]$/);
        expect(parseTrackingNumber(formatted)).toEqual(p);
      }),
    );
  });

  // MOD 11-2 detects every single substitution (weights are non-zero mod the prime 11).
  it('changing any single digit or the check character is detected', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const t = formatTrackingNumber(p.prefix, p.year, p.seq);
        const accepted: string[] = [];
        for (let i = 3; i < t.length; i++) {
          if (t[i] === '-') continue;
          for (const c of i === t.length - 1 ? '0123456789X' : '0123456789') {
            const mutated = t.slice(0, i) + c + t.slice(i + 1);
            if (c !== t[i] && isValidTrackingNumber(mutated)) accepted.push(mutated);
          }
        }
        expect(accepted).toEqual([]);
      }),
    );
  });

  // Adjacent MOD 11-2 weights differ by a factor of 2, so swapping two different adjacent digits changes the sum.
  it('swapping two different adjacent digits of YYYY+SEQ7 is detected', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 0, max: 9 }), (p, k) => {
        const t = formatTrackingNumber(p.prefix, p.year, p.seq);
        const digits = t.slice(3, 7) + t.slice(8, 15);
        fc.pre(digits[k] !== digits[k + 1]);
        const swapped = digits.slice(0, k) + digits[k + 1] + digits[k] + digits.slice(k + 2);
        const mutated = `${t.slice(0, 3)}${swapped.slice(0, 4)}-${swapped.slice(4)}${t.slice(15)}`;
        expect(isValidTrackingNumber(mutated)).toBe(false);
      }),
    );
  });
});
