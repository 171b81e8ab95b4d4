import fc from 'fast-check';
import { assignedElseBody } from './undelivered-sms';

describe('assignedElseBody', () => {
  it('tells the assignees who are active staff of the body, else the body', () => {
    expect(assignedElseBody(['m1'], ['m0', 'm1', 'm2'])).toEqual(['m1']);
    expect(assignedElseBody(['m2', 'm1'], ['m0', 'm1', 'm2'])).toEqual(['m1', 'm2']);
    // Not assigned, or the assignee deactivated / moved out of the body: the body's active staff.
    expect(assignedElseBody([], ['m0', 'm1'])).toEqual(['m0', 'm1']);
    expect(assignedElseBody(['gone'], ['m0', 'm1'])).toEqual(['m0', 'm1']);
    expect(assignedElseBody(['m1', 'gone'], ['m0', 'm1'])).toEqual(['m1']);
    expect(assignedElseBody(['m1'], [])).toEqual([]);
    expect(assignedElseBody([], ['m0', 'm0'])).toEqual(['m0']);
  });

  it('never names anyone outside the body’s active staff, and names someone whenever the body has anyone', () => {
    const ids = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e'), { maxLength: 6 });
    fc.assert(
      fc.property(ids, ids, (assigned, body) => {
        const told = assignedElseBody(assigned, body);
        expect(told.every((id) => body.includes(id))).toBe(true);
        expect(new Set(told).size).toBe(told.length);
        expect(told.length > 0).toBe(body.length > 0);
      }),
    );
  });
});
