import { extendedDue, nextDeadline, plainDeadline, provisionalDate } from './plain-deadline';
import type { ClockEvent } from '../calendar/deadline-engine';
import { CORRECTION_PAUSE_REASON } from '../complaints/complaints.deadline-rules';

const rule = {
  id: 'MEDIATION',
  name: { zh: '调解期限', en: 'Mediation period' },
  unit: 'DAY',
  amount: 15,
  maxExtension: 0,
  citation: '',
  holder: 'STAFF' as const,
};

describe('plainDeadline', () => {
  it('says how long is left, in the rule’s unit', () => {
    expect(plainDeadline({ rule, due: '2026-12-10', daysRemaining: 3, state: 'RUNNING' })).toBe(
      '调解期限：2026-12-10到期，还有3天',
    );
    expect(
      plainDeadline({
        rule: { ...rule, unit: 'WORKDAY', name: { zh: '受理期限', en: '' } },
        due: '2026-12-03',
        daysRemaining: 5,
        state: 'RUNNING',
      }),
    ).toBe('受理期限：2026-12-03到期，还有5个工作日');
  });

  it('says a period paused for 补正 waits for the complainant, not that the proceedings were suspended', () => {
    const acceptance = { ...rule, id: 'INSPECTION_ACCEPTANCE', name: { zh: '投诉受理期限', en: '' } };
    const events: ClockEvent[] = [{ type: 'PAUSE', date: '2026-12-07', reason: CORRECTION_PAUSE_REASON }];
    expect(plainDeadline({ rule: acceptance, due: null, daysRemaining: null, state: 'PAUSED', events })).toBe(
      '投诉受理期限：等待投诉人补正材料，补正后重新计算',
    );
  });

  it('names today, a breach, a pause and a met deadline', () => {
    expect(plainDeadline({ rule, due: '2026-12-10', daysRemaining: 0, state: 'RUNNING' })).toBe(
      '调解期限：今天（2026-12-10）到期',
    );
    expect(plainDeadline({ rule, due: '2026-12-10', daysRemaining: -2, state: 'BREACHED' })).toContain(
      '已超期',
    );
    expect(plainDeadline({ rule, due: null, daysRemaining: null, state: 'PAUSED' })).toContain('暂停');
    expect(plainDeadline({ rule, due: '2026-12-10', daysRemaining: null, state: 'MET' })).toContain(
      '已在期限内完成',
    );
  });

  it('a due date in a year whose holiday schedule is not published yet says it may change', () => {
    const text = plainDeadline({
      rule,
      due: '2027-03-04',
      daysRemaining: 60,
      state: 'RUNNING',
      provisional: true,
    });
    expect(text).toBe('调解期限：2027-03-04到期，还有60天（暂定，待公布该年节假日安排后确认）');
    expect(
      plainDeadline({ rule, due: '2027-03-04', daysRemaining: 0, state: 'RUNNING', provisional: true }),
    ).toContain('暂定');
    // A met deadline shows no date: nothing to confirm.
    expect(
      plainDeadline({ rule, due: '2027-03-04', daysRemaining: null, state: 'MET', provisional: true }),
    ).not.toContain('暂定');
  });

  it('a clock ended by the withdrawal reads so, never as done in time', () => {
    const acceptance = { ...rule, id: 'COMPLAINT_ACCEPTANCE', name: { zh: '受理期限', en: '' } };
    const text = plainDeadline({ rule: acceptance, due: '2026-12-10', daysRemaining: null, state: 'ENDED' });
    expect(text).toBe('受理期限：投诉已撤回，期限终止');
    // A mediation withdrawn by the worker's choice: the complaint was not.
    const mediation = plainDeadline({ rule, due: '2026-12-10', daysRemaining: null, state: 'ENDED' });
    expect(mediation).toBe('调解期限：调解已撤回，期限终止');
  });

  it('a complaint’s acceptance period ended by the arbitration application says so, not a withdrawal', () => {
    const acceptance = { ...rule, id: 'INSPECTION_ACCEPTANCE', name: { zh: '投诉受理期限', en: '' } };
    const events = [{ type: 'STOP' as const, date: '2026-12-08', reason: 'ARBITRATION' as const }];
    const text = plainDeadline({
      rule: acceptance,
      due: '2026-12-10',
      daysRemaining: null,
      state: 'ENDED',
      events,
    });
    expect(text).toBe('投诉受理期限：争议已申请劳动仲裁，按仲裁程序办理，期限终止');
  });

  it('a mediation ended by the worker’s arbitration application says why, not that it was withdrawn', () => {
    const events = [{ type: 'STOP' as const, date: '2026-12-08', reason: 'ARBITRATION' as const }];
    const text = plainDeadline({ rule, due: '2026-12-10', daysRemaining: null, state: 'ENDED', events });
    expect(text).toBe('调解期限：因申请劳动争议仲裁，调解已结束，期限终止');
  });

  it('the employer’s answer period in a case that closed first ended with the case, not a withdrawn complaint', () => {
    const defence = { ...rule, id: 'ARBITRATION_DEFENCE', name: { zh: '用人单位答辩期限', en: '' } };
    const events = [{ type: 'STOP' as const, date: '2026-12-08', reason: 'CASE_CLOSED' as const }];
    const text = plainDeadline({
      rule: defence,
      due: '2026-12-22',
      daysRemaining: null,
      state: 'ENDED',
      events,
    });
    expect(text).toBe('用人单位答辩期限：案件已结束，期限终止');
  });

  it('a party’s lapsed window is 届满, not 超期: no one is late', () => {
    const suit = { ...rule, name: { zh: '不服仲裁裁决起诉期限', en: '' }, holder: 'PARTY' as const };
    const text = plainDeadline({ rule: suit, due: '2026-12-10', daysRemaining: -2, state: 'LAPSED' });
    expect(text).toBe('不服仲裁裁决起诉期限：已于2026-12-10届满');
  });

  it('the complainant’s 补正 period that lapsed: 届满, and a late completion is still taken', () => {
    const correction = {
      ...rule,
      id: 'COMPLAINT_CORRECTION',
      name: { zh: '投诉补正期限（平台规则）', en: '' },
      holder: 'PARTY' as const,
    };
    const text = plainDeadline({ rule: correction, due: '2026-12-10', daysRemaining: -2, state: 'LAPSED' });
    expect(text).toBe(
      '投诉补正期限（平台规则）：已于2026-12-10届满，逾期补正的仍可提交，补正后重新计算受理期限',
    );
    expect(text).not.toContain('超期');
  });
});

describe('nextDeadline', () => {
  const party = { ...rule, holder: 'PARTY' as const };
  const clock = (
    due: string | null,
    state: 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'LAPSED',
    holder: typeof rule | typeof party = rule,
    events: ClockEvent[] = [],
  ) => ({
    rule: holder,
    due,
    state,
    events,
  });

  it('the earliest running clock, or staff duty overdue', () => {
    const late = clock('2026-12-01', 'BREACHED');
    const soon = clock('2026-12-05', 'RUNNING');
    expect(nextDeadline([soon, late, clock('2026-12-09', 'RUNNING')])).toBe(late);
    expect(nextDeadline([clock('2026-11-01', 'MET'), clock(null, 'PAUSED'), soon])).toBe(soon);
    expect(nextDeadline([clock('2026-11-01', 'MET')])).toBeUndefined();
  });

  it('never a party’s window that lapsed: the next one still open, or none', () => {
    const lapsed = clock('2026-12-01', 'LAPSED', party);
    const open = clock('2026-12-16', 'RUNNING', party);
    expect(nextDeadline([lapsed])).toBeUndefined();
    expect(nextDeadline([lapsed, open])).toBe(open);
  });

  it('never a clock its proceeding stopped, on time or late: a mediation that expired is over, not overdue', () => {
    const stop: ClockEvent = { type: 'STOP', date: '2026-12-08' };
    const expired = clock('2026-12-07', 'BREACHED', rule, [stop]);
    const overdue = clock('2026-12-05', 'BREACHED');
    expect(nextDeadline([expired])).toBeUndefined();
    expect(nextDeadline([expired, overdue])).toBe(overdue);
    expect(nextDeadline([expired, clock('2026-12-20', 'RUNNING')])?.due).toBe('2026-12-20');
  });
});

describe('extendedDue', () => {
  const clock = (events: ClockEvent[]) => ({ due: '2026-12-30', events });
  it('is the due date of a clock that was extended, null for one never extended or absent', () => {
    const extend: ClockEvent = {
      type: 'EXTEND',
      date: '2026-12-10',
      amount: 10,
      approver: 'u',
      reason: '双方同意',
    };
    expect(extendedDue(clock([extend]))).toBe('2026-12-30');
    expect(extendedDue(clock([]))).toBeNull();
    expect(extendedDue(clock([{ type: 'STOP', date: '2026-12-11' }]))).toBeNull();
    expect(extendedDue(undefined)).toBeNull();
  });
});

describe('provisionalDate', () => {
  const clock = { rule, due: '2027-01-05', daysRemaining: 29, state: 'RUNNING' as const, provisional: true };
  it('a date is provisional when the clock of its rule that ends on it shows it so, as the deadline list does', () => {
    expect(provisionalDate([clock], 'MEDIATION', '2027-01-05')).toBe(true);
    expect(provisionalDate([{ ...clock, provisional: false }], 'MEDIATION', '2027-01-05')).toBe(false);
    // Another rule's clock, another date, no date, or a settled clock (which shows no date): not marked.
    expect(provisionalDate([clock], 'INSPECTION_INVESTIGATION', '2027-01-05')).toBe(false);
    expect(provisionalDate([clock], 'MEDIATION', '2027-01-06')).toBe(false);
    expect(provisionalDate([clock], 'MEDIATION', null)).toBe(false);
    expect(provisionalDate([{ ...clock, state: 'MET' }], 'MEDIATION', '2027-01-05')).toBe(false);
  });
});
