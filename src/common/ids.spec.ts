import fc from 'fast-check';
import { validate, version } from 'uuid';
import { newId } from './ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The millisecond a v7 id carries. */
const msecsOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('newId', () => {
  afterEach(() => jest.restoreAllMocks());

  it('gives valid, distinct v7 ids that grow, across many refills of the random pool', () => {
    const ids = Array.from({ length: 5_000 }, newId);
    for (const id of ids) {
      expect(id).toMatch(V7);
      expect([validate(id), version(id)]).toEqual([true, 7]);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || ids[i - 1] < id)).toBe(true);
  });

  it('any sequence of clock readings (same millisecond, forward, backward): ids still grow and carry the time', () => {
    // Each run's clock starts past every reading of the runs before (300 steps of ≤ 3 ms move it ≤ 900 ms).
    let start = Date.now() + 10_000_000;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 300 }), (steps) => {
        start += 1_000;
        let clock = start;
        const now = jest.spyOn(Date, 'now');
        const ids: string[] = [];
        let latest = 0;
        for (const step of steps) {
          clock += step;
          latest = Math.max(latest, clock);
          now.mockReturnValue(clock);
          ids.push(newId());
        }
        now.mockRestore();
        expect(ids.every((id, i) => i === 0 || ids[i - 1] < id)).toBe(true);
        // Never behind the latest clock reading; ahead of it only by counter overflows (none in 300 ids).
        expect(msecsOf(ids.at(-1)!)).toBe(latest);
      }),
      { numRuns: 200 },
    );
  });
});
