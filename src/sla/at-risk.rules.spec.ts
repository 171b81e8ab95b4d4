import { DEADLINE_RULE_CATALOGUE } from '../deadline-rules';
import type { ClockView } from '../deadlines/deadlines.service';
import {
  AWARD_CLOCK,
  byDueOn,
  DECISION_CLOCKS,
  dueByCase,
  openCaseDue,
  TAKE_UP_CLOCK,
  takeUpListed,
} from './at-risk.rules';

describe('at-risk rules', () => {
  it('lists a case not yet accepted by the staff clock of its decision, with its own reason', () => {
    expect(DECISION_CLOCKS).toEqual({
      ARBITRATION: { ruleId: 'ARBITRATION_ACCEPTANCE', reason: 'ACCEPTANCE_DUE' },
      INSPECTION: { ruleId: 'INSPECTION_ACCEPTANCE', reason: 'FILING_DUE' },
    });
    // Every clock the list reads is in the catalogue and the staff's to meet (never a party's window).
    for (const ruleId of [AWARD_CLOCK, ...Object.values(DECISION_CLOCKS).map((d) => d.ruleId)]) {
      expect(DEADLINE_RULE_CATALOGUE.has(ruleId)).toBe(true);
      expect(DEADLINE_RULE_CATALOGUE.isStaffDuty(ruleId)).toBe(true);
    }
  });

  it("a complaint routed to inspection is listed by the staff's take-up clock when due within 7 days or passed", () => {
    expect(DEADLINE_RULE_CATALOGUE.isStaffDuty(TAKE_UP_CLOCK.ruleId)).toBe(true);
    const today = '2026-12-07';
    expect(['2026-12-01', today, '2026-12-14', '2026-12-15'].map((d) => takeUpListed(d, today))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('an accepted case: its deadline within 7 days or passed is WILL_BREACH, else the earlier of it and 31 December', () => {
    const today = '2026-12-07';
    expect(openCaseDue('2026-11-30', today)).toEqual({ dueOn: '2026-11-30', reason: 'WILL_BREACH' });
    expect(openCaseDue('2026-12-14', today)).toEqual({ dueOn: '2026-12-14', reason: 'WILL_BREACH' });
    expect(openCaseDue('2026-12-15', today)).toEqual({
      dueOn: '2026-12-15',
      reason: 'MUST_CLOSE_BY_YEAR_END',
    });
    expect(openCaseDue('2027-01-21', today)).toEqual({
      dueOn: '2026-12-31',
      reason: 'MUST_CLOSE_BY_YEAR_END',
    });
    // Paused: no running deadline, bound by 31 December only.
    expect(openCaseDue(null, today)).toEqual({ dueOn: '2026-12-31', reason: 'MUST_CLOSE_BY_YEAR_END' });
  });

  it('soonest first (overdue at the top), ties by case id', () => {
    const items = [
      { dueOn: '2026-12-31', caseId: 'a' },
      { dueOn: '2026-11-20', caseId: 'c' },
      { dueOn: '2026-12-10', caseId: 'b' },
      { dueOn: '2026-11-20', caseId: 'a' },
    ];
    expect(items.sort(byDueOn).map((i) => `${i.dueOn} ${i.caseId}`)).toEqual([
      '2026-11-20 a',
      '2026-11-20 c',
      '2026-12-10 b',
      '2026-12-31 a',
    ]);
  });

  it('dueByCase: the earliest due date of the running clocks of one case type and rule', () => {
    const clock = (caseType: string, caseId: string, ruleId: string, due: string | null) =>
      ({ caseType, caseId, rule: { id: ruleId }, due }) as unknown as ClockView;
    const clocks = [
      clock('ARBITRATION', 'x', 'ARBITRATION_ACCEPTANCE', '2026-12-09'),
      clock('ARBITRATION', 'x', 'ARBITRATION_ACCEPTANCE', '2026-12-04'),
      clock('ARBITRATION', 'y', 'ARBITRATION_DECISION', '2027-01-20'),
      clock('COMPLAINT', 'z', 'INSPECTION_ACCEPTANCE', '2026-12-01'),
      clock('INSPECTION', 'w', 'INSPECTION_ACCEPTANCE', null),
    ];
    expect(dueByCase(clocks, 'ARBITRATION', 'ARBITRATION_ACCEPTANCE')).toEqual(
      new Map([['x', '2026-12-04']]),
    );
    expect(dueByCase(clocks, 'INSPECTION', 'INSPECTION_ACCEPTANCE')).toEqual(new Map());
  });
});
