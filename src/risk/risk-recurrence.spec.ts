import { coveredByClosed, type StoredHits } from './risk-recurrence';

const hit = (ruleId: string, ids: string[], extra: Record<string, unknown> = {}) => ({
  ruleId,
  facts: { wageComplaintIds30d: ids, wageComplaints30d: ids.length, ...extra },
});
const closed: StoredHits = { level: 'ORANGE', hits: [hit('WA-COMPLAINTS-30D', ['a', 'b', 'c'])] };

describe('coveredByClosed: a closed warning is not raised again for the facts it covered', () => {
  it('the same rules and evidence (or less of it, as the window moves on) are covered', () => {
    expect(coveredByClosed(closed, closed)).toBe(true);
    expect(coveredByClosed(closed, { level: 'ORANGE', hits: [hit('WA-COMPLAINTS-30D', ['b', 'c'])] })).toBe(
      true,
    );
    // Counts and dates follow the ids; they do not decide.
    expect(
      coveredByClosed(closed, {
        level: 'ORANGE',
        hits: [hit('WA-COMPLAINTS-30D', ['a', 'b'], { lastComplaintOn30d: '2026-12-01' })],
      }),
    ).toBe(true);
  });

  it('new evidence, a new rule or a higher level raise a new warning', () => {
    expect(
      coveredByClosed(closed, { level: 'ORANGE', hits: [hit('WA-COMPLAINTS-30D', ['a', 'b', 'c', 'd'])] }),
    ).toBe(false);
    expect(
      coveredByClosed(closed, {
        level: 'ORANGE',
        hits: [hit('WA-COMPLAINTS-30D', ['a']), { ruleId: 'WA-PAYROLL-MISSED', facts: { signalIds90d: [] } }],
      }),
    ).toBe(false);
    expect(coveredByClosed(closed, { level: 'RED', hits: closed.hits })).toBe(false);
  });

  it('nothing closed: not covered', () => {
    expect(coveredByClosed(undefined, closed)).toBe(false);
  });
});
