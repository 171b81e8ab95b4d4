import { COMPLAINT_STATUSES } from './complaint.constants';
import { canTransition, COMPLAINT_TRANSITIONS, REJECTION_REASONS } from './complaint.state';

describe('complaint intake state machine', () => {
  it('decides every (from, to) pair: SUBMITTED → ACCEPTED | REJECTED, ACCEPTED → ROUTED, withdrawal before the end, nothing else', () => {
    for (const from of COMPLAINT_STATUSES)
      for (const to of COMPLAINT_STATUSES)
        expect([from, to, canTransition(from, to)]).toEqual([
          from,
          to,
          (from === 'SUBMITTED' && (to === 'ACCEPTED' || to === 'REJECTED')) ||
            (from === 'ACCEPTED' && to === 'ROUTED') ||
            (to === 'WITHDRAWN' && ['SUBMITTED', 'ACCEPTED', 'ROUTED'].includes(from)),
        ]);
  });

  it('lists a transition table row for every status, naming only known statuses', () => {
    expect(Object.keys(COMPLAINT_TRANSITIONS).sort()).toEqual([...COMPLAINT_STATUSES].sort());
    for (const targets of Object.values(COMPLAINT_TRANSITIONS))
      for (const t of targets) expect(COMPLAINT_STATUSES).toContain(t);
  });

  it('gives every rejection reason a written text', () => {
    for (const text of Object.values(REJECTION_REASONS)) expect(text.length).toBeGreaterThan(2);
  });
});
