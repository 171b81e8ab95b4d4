import fc from 'fast-check';
import { WARNING_STATUSES } from './risk.rules';
import { nextWarningStatus, WARNING_TRANSITIONS, type WarningAction } from './risk.state';

const ACTIONS = Object.keys(WARNING_TRANSITIONS) as WarningAction[];

describe('risk warning lifecycle', () => {
  it('follows NEW → ACKNOWLEDGED → HANDLING → CLOSED', () => {
    expect(nextWarningStatus('NEW', 'ACKNOWLEDGE')).toBe('ACKNOWLEDGED');
    expect(nextWarningStatus('ACKNOWLEDGED', 'START_HANDLING')).toBe('HANDLING');
    expect(nextWarningStatus('HANDLING', 'CLOSE')).toBe('CLOSED');
  });

  it('never leaves CLOSED and never goes back', () => {
    const order = (s: string) => WARNING_STATUSES.indexOf(s as (typeof WARNING_STATUSES)[number]);
    fc.assert(
      fc.property(fc.constantFrom(...WARNING_STATUSES), fc.constantFrom(...ACTIONS), (s, a) => {
        const next = nextWarningStatus(s, a);
        if (s === 'CLOSED') expect(next).toBeNull();
        if (next) expect(order(next)).toBeGreaterThan(order(s));
      }),
    );
  });

  it('refuses acknowledging twice', () => {
    expect(nextWarningStatus('ACKNOWLEDGED', 'ACKNOWLEDGE')).toBeNull();
  });
});
