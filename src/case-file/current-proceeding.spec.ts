import fc from 'fast-check';
import { startedLast } from './current-proceeding';

describe('startedLast', () => {
  it('takes the latest start, the first listed on a tie, and nothing from nothing', () => {
    const a = { p: 'ARBITRATION', on: '2026-12-03' };
    const m = { p: 'MEDIATION', on: '2026-12-03' };
    const i = { p: 'INSPECTION', on: '2026-12-05' };
    expect(startedLast([a, m, null])).toBe(a);
    expect(startedLast([a, m, i])).toBe(i);
    expect(startedLast([null, m, undefined])).toBe(m);
    expect(startedLast([])).toBeUndefined();
  });
});

describe('startedLast: the step a dispute is at', () => {
  it('the case started on the latest day', () => {
    expect(
      startedLast([null, { p: 'MEDIATION', on: '2026-12-01' }, { p: 'INSPECTION', on: '2026-12-03' }])?.p,
    ).toBe('INSPECTION');
  });

  it('on the same day, the first listed unless both give the instant they were opened', () => {
    // An escalation: the arbitration (listed first, no instant) is where the dispute is.
    expect(
      startedLast([
        { p: 'ARBITRATION', on: '2026-12-01' },
        { p: 'MEDIATION', on: '2026-12-01', at: '2026-12-01T02:00:00.000Z' },
      ])?.p,
    ).toBe('ARBITRATION');
    // A re-route between two cases opened the same day: the one opened later, whichever is listed first.
    const mediation = (at: string) => ({
      p: 'MEDIATION',
      on: '2026-12-01',
      at: `2026-12-01T${at}:00:00.000Z`,
    });
    const inspection = { p: 'INSPECTION', on: '2026-12-01', at: '2026-12-01T03:00:00.000Z' };
    expect(startedLast([mediation('02'), inspection])?.p).toBe('INSPECTION');
    expect(startedLast([mediation('05'), inspection])?.p).toBe('MEDIATION');
  });

  it('property: the answer is started no earlier than any other, and opened no earlier than any other of its day', () => {
    const day = fc.integer({ min: 1, max: 3 }).map((d) => `2026-12-0${d}`);
    const at = fc.option(
      fc.integer({ min: 0, max: 9 }).map((h) => `2026-12-01T0${h}:00:00.000Z`),
      {
        nil: undefined,
      },
    );
    const item = fc.record({ on: day, at });
    fc.assert(
      fc.property(fc.array(fc.option(item, { nil: null }), { maxLength: 4 }), (items) => {
        const latest = startedLast(items);
        const present = items.filter((i) => i !== null);
        if (present.length === 0) return expect(latest).toBeUndefined();
        for (const i of present) {
          expect(latest!.on >= i.on).toBe(true);
          if (i.on === latest!.on && i.at !== undefined && latest!.at !== undefined)
            expect(latest!.at >= i.at).toBe(true);
        }
      }),
    );
  });
});
