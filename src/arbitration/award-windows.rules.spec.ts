import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import { caseServiceDay, lastSuitDeadline, windowsAsCounted, type AwardWindows } from './award-windows.rules';

const doc = (o: Partial<AwardWindows>): AwardWindows => ({
  kind: 'AWARD',
  final: true,
  servedOn: '2026-12-07',
  suitDeadline: '2026-12-22',
  setAsideDeadline: '2027-01-06',
  ...o,
});
const clock = (id: string, start: string, due: string | null) => ({ rule: { id }, start, due });

describe('the windows of an award follow their clocks (调解仲裁法 第四十八至五十条)', () => {
  it('a schedule loaded after service: the clock’s due replaces the stored date, the case takes the latest', () => {
    const awards = [
      doc({}),
      doc({ final: false, servedOn: '2026-12-09', suitDeadline: '2026-12-24', setAsideDeadline: null }),
    ];
    const counted = windowsAsCounted(awards, [
      clock('ARBITRATION_SUIT_WINDOW', '2026-12-07', '2026-12-23'),
      clock('ARBITRATION_SET_ASIDE_WINDOW', '2026-12-07', '2027-01-07'),
      clock('ARBITRATION_SUIT_WINDOW', '2026-12-09', '2026-12-28'),
    ]);
    expect(counted.map((a) => [a.suitDeadline, a.setAsideDeadline])).toEqual([
      ['2026-12-23', '2027-01-07'],
      ['2026-12-28', null],
    ]);
    expect(lastSuitDeadline(counted, '2026-12-24')).toBe('2026-12-28');
  });

  it('unserved, without a clock, or a 先行裁决: the stored dates stand; the case’s only from its award', () => {
    const partial = doc({ kind: 'PARTIAL', suitDeadline: '2027-02-01' });
    const unserved = doc({ servedOn: null, suitDeadline: null, setAsideDeadline: null });
    expect(
      windowsAsCounted([unserved, partial], [clock('ARBITRATION_SUIT_WINDOW', '2026-12-07', '2026-12-23')]),
    ).toEqual([unserved, { ...partial, suitDeadline: '2026-12-23' }]);
    expect(windowsAsCounted([doc({})], [])).toEqual([doc({})]);
    expect(lastSuitDeadline([partial, unserved], null)).toBeNull();
    expect(lastSuitDeadline([], '2026-12-22')).toBe('2026-12-22');
  });

  it('property: a served document shows the due of the clock that runs from its service', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 15, max: 25 }), (ago, len) => {
        const servedOn = addDays('2026-12-07', -ago);
        const due = addDays(servedOn, len);
        const [a] = windowsAsCounted(
          [doc({ servedOn })],
          [
            clock('ARBITRATION_SUIT_WINDOW', addDays(servedOn, 1), '2099-01-01'),
            clock('ARBITRATION_SUIT_WINDOW', servedOn, due),
          ],
        );
        expect(a.suitDeadline).toBe(due);
        expect(lastSuitDeadline([a], null)).toBe(due);
      }),
    );
  });
});

describe('caseServiceDay (调解仲裁法 第四十八条, 第五十条)', () => {
  it('the first service sets it; a later day moves it on; an earlier day never moves it back', () => {
    expect(caseServiceDay(null, '2026-12-04')).toBe('2026-12-04');
    expect(caseServiceDay('2026-12-04', '2026-12-06')).toBe('2026-12-06');
    expect(caseServiceDay('2026-12-06', '2026-12-04')).toBe('2026-12-06');
  });

  it('property: whatever the order the documents are recorded in, the case keeps the latest day', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 4 }), (offsets) => {
        const days = offsets.map((d) => addDays('2026-11-01', d));
        const day = days.reduce<string | null>((acc, d) => caseServiceDay(acc, d), null);
        expect(day).toBe([...days].sort().at(-1));
      }),
    );
  });
});
