import fc from 'fast-check';
import { WARNING_STATUSES } from './risk.rules';
import {
  allowedWarningActions,
  mayActOnWarning,
  nextWarningStatus,
  WARNING_TRANSITIONS,
  type WarningAction,
} from './risk.state';

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

  it('lists as allowed exactly the actions that lead somewhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WARNING_STATUSES), fc.constantFrom(...ACTIONS), (s, a) => {
        expect(allowedWarningActions(s).includes(a)).toBe(nextWarningStatus(s, a) !== null);
      }),
    );
    expect(allowedWarningActions('CLOSED')).toEqual([]);
  });
});

describe('who acts on a crime-threshold warning', () => {
  const crime = {
    kind: 'WAGE_ARREARS' as const,
    hits: [{ ruleId: 'WA-COMPLAINTS-30D' }, { ruleId: 'WA-CRIME-THRESHOLD-CASE' }],
  };
  it('inspectors and supervisors, not mediators', () => {
    expect(['INSPECTOR', 'SUPERVISOR', 'MEDIATOR'].map((r) => mayActOnWarning(r, crime))).toEqual([
      true,
      true,
      false,
    ]);
  });
  it('any handler on other warnings', () => {
    expect(
      mayActOnWarning('MEDIATOR', { kind: 'WAGE_ARREARS', hits: [{ ruleId: 'WA-COMPLAINTS-30D' }] }),
    ).toBe(true);
    expect(
      mayActOnWarning('MEDIATOR', { kind: 'MASS_DISPUTE', hits: [{ ruleId: 'MD-COMMON-CLAIM-10' }] }),
    ).toBe(true);
  });
});
