import type { ClockView } from '../deadlines/deadlines.service';
import { FILING_PERIOD_NAME, filingDue, onePerPeriod } from './same-period';

const clock = (over: Partial<ClockView> & { ruleId?: string }): ClockView => {
  const { ruleId = 'INSPECTION_ACCEPTANCE', ...rest } = over;
  return {
    id: `${ruleId}-${rest.caseId ?? 'c'}`,
    caseType: 'COMPLAINT',
    caseId: 'c',
    rule: {
      id: ruleId,
      name: { zh: '投诉受理期限', en: 'Complaint acceptance' },
      unit: 'WORKDAY',
      amount: 5,
      maxExtension: 0,
      citation: '若干规定 第十八条',
      holder: 'STAFF',
    },
    start: '2026-12-07',
    events: [],
    due: '2026-12-14',
    state: 'RUNNING',
    daysRemaining: 5,
    provisional: false,
    ...rest,
  } as ClockView;
};

describe('onePerPeriod', () => {
  const complaint = { proceeding: 'COMPLAINT', clock: clock({ state: 'MET' }) };
  const inspection = { proceeding: 'INSPECTION', clock: clock({ caseType: 'INSPECTION', caseId: 'i' }) };

  it('lists the 受理 period of intake and of the inspection case once, as the inspection case’s 立案 share', () => {
    const shown = onePerPeriod([complaint, inspection]);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ proceeding: 'INSPECTION', clock: { state: 'RUNNING', caseId: 'i' } });
    expect(shown[0].clock.rule.name.zh).toBe(FILING_PERIOD_NAME);
    // The clock given is not changed (the name is the file's).
    expect(inspection.clock.rule.name.zh).toBe('投诉受理期限');
  });

  it('keeps a period restarted on another day (补正) and other rules, in order', () => {
    const restarted = { proceeding: 'COMPLAINT', clock: clock({ start: '2026-12-01', due: '2026-12-08' }) };
    const takeUp = { proceeding: 'COMPLAINT', clock: clock({ ruleId: 'COMPLAINT_TAKE_UP', state: 'MET' }) };
    const shown = onePerPeriod([restarted, complaint, takeUp, inspection]);
    expect(shown.map((e) => `${e.proceeding}:${e.clock.rule.id}:${e.clock.start}`)).toEqual([
      'COMPLAINT:INSPECTION_ACCEPTANCE:2026-12-01',
      'COMPLAINT:COMPLAINT_TAKE_UP:2026-12-07',
      'INSPECTION:INSPECTION_ACCEPTANCE:2026-12-07',
    ]);
    expect(shown[0].clock.rule.name.zh).toBe('投诉受理期限');
  });

  it('lists a period restarted after 补正 once: the complaint’s clock restarted on the day the inspection case counts from', () => {
    const restarted = {
      proceeding: 'COMPLAINT',
      clock: clock({
        start: '2026-11-27',
        events: [
          { type: 'PAUSE', date: '2026-12-01', reason: '补正' },
          { type: 'RESTART', date: '2026-12-07', reason: '补正' },
        ],
      }),
    };
    const shown = onePerPeriod([restarted, inspection]);
    expect(shown.map((e) => `${e.proceeding}:${e.clock.caseId}`)).toEqual(['INSPECTION:i']);
  });

  it('keeps two clocks of one rule on one case (a mixed award’s two suit windows)', () => {
    const suit = (id: string) => ({
      proceeding: 'ARBITRATION',
      clock: { ...clock({ ruleId: 'ARBITRATION_SUIT_WINDOW', caseId: 'a' }), id },
    });
    expect(onePerPeriod([suit('final'), suit('non-final')])).toHaveLength(2);
  });

  it('leaves a complaint with no inspection case as it is', () => {
    expect(onePerPeriod([complaint])).toEqual([complaint]);
  });
});

describe('filingDue', () => {
  it('is the inspection case’s acceptance clock’s day, provisional as the list shows it', () => {
    const entries = [{ proceeding: 'INSPECTION', clock: clock({ provisional: true }) }];
    expect(filingDue(entries)).toEqual({ filingDueOn: '2026-12-14', filingDueOnProvisional: true });
    expect(filingDue([{ proceeding: 'COMPLAINT', clock: clock({}) }])).toEqual({
      filingDueOn: null,
      filingDueOnProvisional: false,
    });
  });
});
