import fc from 'fast-check';
import {
  PROCEEDING_STANDING,
  rerouteDecision,
  standingOf,
  type ProceedingOnComplaint,
} from './reroute.rules';
import { ARBITRATION_OPEN_STATUSES } from '../arbitration/arbitration.state';
import { OPEN_STATUSES } from '../inspection/inspection.constants';
import { ROUTE_TARGETS } from './routing.rules';

const p = (
  proceeding: ProceedingOnComplaint['proceeding'],
  status: string,
  closureType: string | null = null,
) => ({
  proceeding,
  caseId: `${proceeding}-${status}-${closureType ?? ''}`,
  status,
  closureType,
});

describe('re-routing a routed complaint', () => {
  it('corrects a mis-route while no case was opened', () => {
    expect(rerouteDecision('MEDIATION', 'INSPECTION', [])).toEqual({ ok: true, ground: 'NO_CASE_OPENED' });
  });

  it('sends the worker on after a refusal, a revoked case, a failed, withdrawn or expired mediation', () => {
    for (const ended of [
      p('INSPECTION', 'REFUSED'),
      p('INSPECTION', 'CLOSED', 'REVOKED'),
      p('MEDIATION', 'FAILED'),
      p('MEDIATION', 'WITHDRAWN'),
      p('MEDIATION', 'EXPIRED'),
      p('ARBITRATION', 'NOT_ACCEPTED'),
      p('ARBITRATION', 'CLOSED', 'WITHDRAWN'),
    ])
      expect([ended.caseId, rerouteDecision('INSPECTION', 'MEDIATION', [ended]).ok]).toEqual([
        ended.caseId,
        true,
      ]);
  });

  it('refuses while a proceeding is open, after one decided the matter, and to the same target', () => {
    expect(rerouteDecision('MEDIATION', 'INSPECTION', [p('MEDIATION', 'OPEN')])).toMatchObject({
      ok: false,
      reason: 'PROCEEDING_OPEN',
    });
    for (const decided of [
      p('MEDIATION', 'AGREEMENT'),
      p('INSPECTION', 'CLOSED', 'NO_VIOLATION'),
      p('INSPECTION', 'CLOSED', 'RECTIFIED'),
      p('ARBITRATION', 'CLOSED', 'AWARD'),
    ])
      expect(rerouteDecision('MEDIATION', 'INSPECTION', [decided])).toMatchObject({
        ok: false,
        reason: 'MATTER_DECIDED',
        proceeding: decided,
      });
    expect(rerouteDecision('MEDIATION', 'MEDIATION', [])).toMatchObject({ ok: false, reason: 'SAME_TARGET' });
  });

  it('an unknown status or closure is never a ground to re-route', () => {
    expect(standingOf(p('INSPECTION', 'CLOSED', 'SOMETHING_NEW'))).toBe('DECIDED');
    expect(standingOf(p('MEDIATION', 'SOMETHING_NEW'))).toBe('DECIDED');
  });

  it('property: allowed exactly when the target differs and every proceeding ended undecided', () => {
    const entries = ROUTE_TARGETS.flatMap((t) =>
      Object.keys(PROCEEDING_STANDING[t]).map((k) => {
        const [status, closure] = k.split(':');
        return p(t, status, closure ?? null);
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...ROUTE_TARGETS),
        fc.constantFrom(...ROUTE_TARGETS),
        fc.array(fc.constantFrom(...entries), { maxLength: 4 }),
        (from, to, cases) => {
          const d = rerouteDecision(from, to, cases);
          const allowed = from !== to && cases.every((c) => standingOf(c) === 'ENDED_UNDECIDED');
          expect(d.ok).toBe(allowed);
          // An open proceeding is named before a decided one.
          if (!d.ok && from !== to && cases.some((c) => standingOf(c) === 'OPEN'))
            expect(d.reason).toBe('PROCEEDING_OPEN');
        },
      ),
    );
  });
});

describe('every open status of each body is OPEN in the table (a status added to a proceeding is not "decided")', () => {
  it.each([
    ['ARBITRATION', ARBITRATION_OPEN_STATUSES],
    ['INSPECTION', ['RECEIVED', ...OPEN_STATUSES]],
    ['MEDIATION', ['OPEN']],
  ] as const)('%s', (proceeding, statuses) => {
    for (const status of statuses)
      expect([status, standingOf(p(proceeding, status))]).toEqual([status, 'OPEN']);
  });
});
