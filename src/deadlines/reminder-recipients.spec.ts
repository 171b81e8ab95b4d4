import fc from 'fast-check';
import { reminderRecipients, staffByCase } from './reminder-recipients';

describe('reminder recipients', () => {
  it('the active assignees; with none active, the body, and says so; an unassigned case goes to its body quietly', () => {
    expect(reminderRecipients({ assigned: ['m1'], body: ['m0', 'm1'] })).toEqual({
      to: ['m1'],
      assigneesGone: false,
    });
    // One of two inspectors deactivated: the other alone.
    expect(reminderRecipients({ assigned: ['i1', 'gone'], body: ['i0', 'i1'] })).toEqual({
      to: ['i1'],
      assigneesGone: false,
    });
    // The mediator deactivated or moved: the committee's mediators of the street.
    expect(reminderRecipients({ assigned: ['gone'], body: ['m0', 'm2'] })).toEqual({
      to: ['m0', 'm2'],
      assigneesGone: true,
    });
    expect(reminderRecipients({ assigned: [], body: ['a0', 'a1'] })).toEqual({
      to: ['a0', 'a1'],
      assigneesGone: false,
    });
    // Nobody active at all: nobody (the sweep counts it unassigned).
    expect(reminderRecipients({ assigned: ['gone'], body: [] }).to).toEqual([]);
  });

  it('never names an inactive assignee; names an assignee whenever one is active; names someone while the body has anyone', () => {
    const ids = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd'), { maxLength: 5 });
    fc.assert(
      fc.property(ids, ids, (assigned, body) => {
        const { to, assigneesGone } = reminderRecipients({ assigned, body });
        expect(to.every((id) => body.includes(id))).toBe(true);
        const activeAssignees = assigned.filter((id) => body.includes(id));
        if (activeAssignees.length > 0) expect(new Set(to)).toEqual(new Set(activeAssignees));
        expect(to.length > 0).toBe(body.length > 0);
        expect(assigneesGone).toBe(assigned.length > 0 && activeAssignees.length === 0 && body.length > 0);
      }),
    );
  });

  it("reads each body's staff once, however many of its cases are due", async () => {
    const reads: string[] = [];
    const rows = [
      { id: 'c1', mediator: 'm1', body: 'ljz' },
      { id: 'c2', mediator: null, body: 'ljz' },
      { id: 'c3', mediator: 'm9', body: 'zj' },
    ];
    const staff = await staffByCase(rows, (r) => ({
      assigned: r.mediator ? [r.mediator] : [],
      bodyKey: r.body,
      bodyStaff: () => {
        reads.push(r.body);
        return Promise.resolve(r.body === 'ljz' ? ['m1', 'm2'] : ['m8']);
      },
    }));
    expect(reads).toEqual(['ljz', 'zj']);
    expect(staff).toEqual(
      new Map([
        ['c1', { assigned: ['m1'], body: ['m1', 'm2'] }],
        ['c2', { assigned: [], body: ['m1', 'm2'] }],
        ['c3', { assigned: ['m9'], body: ['m8'] }],
      ]),
    );
  });
});
