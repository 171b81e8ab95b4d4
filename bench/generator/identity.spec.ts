import fc from 'fast-check';
import { isValidUscc } from '../../src/common/validation/uscc';
import { isValidChineseIdNumber } from '../../src/common/validation/id-number';
import { isMainlandMobile } from '../../src/common/validation/phone';
import { syntheticIdNumber, syntheticPhone, syntheticUscc, uuidV7 } from './identity';
import { Rng } from './rng';

describe('synthetic identities', () => {
  it('USCCs carry a valid check character and the district code, and distinct serials never collide', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer(), (serial, seed) => {
        const code = syntheticUscc('310115', serial, new Rng(seed));
        expect(isValidUscc(code)).toBe(true);
        expect(code.slice(2, 8)).toBe('310115');
      }),
    );
    const r = new Rng(1);
    const codes = new Set(Array.from({ length: 50_000 }, (_, i) => syntheticUscc('110101', i + 1, r)));
    expect(codes.size).toBe(50_000);
  });

  it('ID numbers and phone numbers pass the platform validators', () => {
    const r = new Rng(2);
    for (let i = 0; i < 500; i++) {
      expect(isValidChineseIdNumber(syntheticIdNumber('310115', '1988-02-29', r))).toBe(true);
      expect(isMainlandMobile(syntheticPhone(r))).toBe(true);
    }
  });

  it('ids are UUIDv7 (version 7, RFC 9562 variant) carrying the given time, so they sort by time', () => {
    const r = new Rng(3);
    const t = Date.parse('2026-01-02T03:04:05Z');
    const id = uuidV7(t, r);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
    expect(uuidV7(t + 1, r) > id).toBe(true);
  });
});
