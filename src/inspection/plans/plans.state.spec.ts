import { nextPlanStatus, PLAN_ACTIONS, PLAN_STATUSES, PLAN_TRANSITIONS } from './plans.state';

describe('plan state machine', () => {
  it('publishes a draft once, and records results only on a published plan', () => {
    expect(nextPlanStatus('DRAFTED', 'PUBLISH')).toBe('PUBLISHED');
    expect(nextPlanStatus('PUBLISHED', 'RECORD_RESULT')).toBe('PUBLISHED');
    expect(() => nextPlanStatus('PUBLISHED', 'PUBLISH')).toThrow(
      expect.objectContaining({ statusCode: 409, code: 'ILLEGAL_TRANSITION' }) as Error,
    );
    expect(() => nextPlanStatus('DRAFTED', 'RECORD_RESULT')).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }) as Error,
    );
  });

  it('every transition leads to a known status, and a published plan never goes back', () => {
    for (const s of PLAN_STATUSES)
      for (const a of PLAN_ACTIONS) {
        const to = PLAN_TRANSITIONS[s][a];
        if (to) expect(PLAN_STATUSES).toContain(to);
      }
    expect(Object.values(PLAN_TRANSITIONS.PUBLISHED)).toEqual(['PUBLISHED']);
  });
});
