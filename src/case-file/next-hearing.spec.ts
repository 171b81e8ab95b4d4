import { earliestNextDate, hearingAsNextDate, nextHearing, type NextDate } from './next-hearing';

const hearing = (startsAt: string, more: Partial<Parameters<typeof nextHearing>[0][number]> = {}) => ({
  startsAt,
  room: '第一仲裁庭',
  heldAt: null,
  postponedAt: null,
  cancelledAt: null,
  ...more,
});

describe('nextHearing', () => {
  const today = '2026-12-07';

  it('the earliest hearing on today or later that is neither held, postponed nor cancelled', () => {
    const later = hearing('2026-12-20T01:30:00.000Z');
    const sooner = hearing('2026-12-15T06:30:00.000Z');
    expect(nextHearing([later, sooner], today)).toBe(sooner);
    const held = hearing('2026-12-08T01:00:00.000Z', { heldAt: '2026-12-08T03:00:00.000Z' });
    const postponed = hearing('2026-12-09T01:00:00.000Z', { postponedAt: '2026-12-01T01:00:00.000Z' });
    const cancelled = hearing('2026-12-10T01:00:00.000Z', { cancelledAt: '2026-12-02T01:00:00.000Z' });
    expect(nextHearing([held, postponed, cancelled, later], today)).toBe(later);
    expect(nextHearing([held, postponed, cancelled], today)).toBeNull();
  });

  it('counts the day in Asia/Shanghai: 2026-12-06T17:00Z is 01:00 on the 7th, today; a past day is not ahead', () => {
    const early = hearing('2026-12-06T17:00:00.000Z');
    expect(nextHearing([early], today)).toBe(early);
    expect(nextHearing([hearing('2026-12-06T09:00:00.000Z')], today)).toBeNull();
  });
});

describe('hearingAsNextDate', () => {
  it('names the day, the time and the room in Chinese, with what missing it costs (第三十六条)', () => {
    const next = hearingAsNextDate(hearing('2026-12-25T06:30:00.000Z'));
    expect(next).toMatchObject({
      kind: 'HEARING',
      due: '2026-12-25',
      state: 'SCHEDULED',
      startsAt: '2026-12-25T06:30:00.000Z',
      place: '第一仲裁庭',
    });
    expect(next.text).toMatch(/^开庭：2026-12-25 14:30，地点：第一仲裁庭。/);
    expect(next.text).toContain('视为撤回仲裁申请');
    expect(next.citation).toMatch(/第三十五条.*第三十六条/);
  });
});

describe('earliestNextDate', () => {
  const deadline = (due: string): NextDate => ({
    kind: 'DEADLINE',
    due,
    state: 'RUNNING',
    provisional: false,
    text: 'x',
    citation: 'y',
    startsAt: null,
    place: null,
  });
  const h = hearingAsNextDate(hearing('2026-12-15T01:30:00.000Z'));

  it('the earlier date; the hearing on a tie; whichever exists', () => {
    expect(earliestNextDate(deadline('2026-12-14'), h)?.kind).toBe('DEADLINE');
    expect(earliestNextDate(deadline('2026-12-16'), h)).toBe(h);
    expect(earliestNextDate(deadline('2026-12-15'), h)).toBe(h);
    expect(earliestNextDate(null, h)).toBe(h);
    expect(earliestNextDate(deadline('2026-12-16'), null)?.kind).toBe('DEADLINE');
    expect(earliestNextDate(null, null)).toBeNull();
  });
});
