import { DEADLINE_RULES } from '../deadline-rules';
import { DEADLINE_REMINDER_DAYS } from '../deadlines/deadline-reminder.rules';
import { RED_ACKNOWLEDGE_WITHIN_MS } from '../risk/risk.rules';
import { describeInApp } from './in-app-messages';
import { TEMPLATES } from './templates';

const WARNING = '0190c0de-0000-7000-8000-000000000042';

describe('in-app message texts', () => {
  it('an unacknowledged red warning: the text and the warning it links to', () => {
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', `risk-warning:${WARNING}`)).toEqual({
      text: '红色预警超过2小时未签收',
      link: `/api/v1/risk/warnings/${WARNING}`,
    });
  });

  it('says the same number of hours as the escalation rule', () => {
    expect(TEMPLATES.RISK_RED_UNACKNOWLEDGED.text).toContain(`${RED_ACKNOWLEDGE_WITHIN_MS / 3600_000}小时`);
  });

  it('staff work items link to the case they are about (14.3)', () => {
    expect(describeInApp('ARBITRATION_APPLICATION_RECEIVED', `arbitration-case:${WARNING}`)).toEqual({
      text: '收到新的劳动争议仲裁申请，请在5个工作日内决定是否受理',
      link: `/api/v1/arbitration/cases/${WARNING}`,
    });
    expect(describeInApp('COMPLAINT_ROUTED_TO_BODY', `complaint:${WARNING}`).link).toBe(
      `/api/v1/complaints/${WARNING}`,
    );
    expect(describeInApp('CASE_DEADLINE_WITHIN_1_DAY', `mediation-case:${WARNING}`).link).toBe(
      `/api/v1/mediation/cases/${WARNING}`,
    );
    expect(describeInApp('CASE_DEADLINE_WITHIN_3_DAYS', `inspection-case:${WARNING}`).link).toBe(
      `/api/v1/inspection/cases/${WARNING}`,
    );
  });

  it('says the acceptance period and the reminder days the rules use', () => {
    const acceptance = DEADLINE_RULES.ARBITRATION_ACCEPTANCE;
    expect(acceptance.unit).toBe('WORKDAY');
    for (const t of [
      TEMPLATES.ARBITRATION_APPLICATION_RECEIVED,
      TEMPLATES.ARBITRATION_ESCALATED_FROM_MEDIATION,
    ])
      expect(t.text).toContain(`${acceptance.amount}个工作日内`);
    expect(DEADLINE_REMINDER_DAYS).toEqual([3, 1]);
    expect(TEMPLATES.CASE_DEADLINE_WITHIN_3_DAYS.text).toContain('3日内');
    expect(TEMPLATES.CASE_DEADLINE_WITHIN_1_DAY.text).toContain('1日内');
  });

  it("a worker's message about their complaint links to their case file; staff's to the complaint", () => {
    expect(describeInApp('COMPLAINT_ACCEPTED', `complaint:${WARNING}`).link).toBe(
      `/api/v1/my/cases/${WARNING}`,
    );
    expect(TEMPLATES.COMPLAINT_ACCEPTED.audience).toBe('WORKER');
    expect(describeInApp('COMPLAINT_ROUTED_TO_BODY', `complaint:${WARNING}`).link).toBe(
      `/api/v1/complaints/${WARNING}`,
    );
  });

  it('a template this version does not know shows its code', () => {
    expect(describeInApp('SOMETHING_RETIRED', `risk-warning:${WARNING}`).text).toBe('SOMETHING_RETIRED');
    expect(describeInApp('toString', `risk-warning:${WARNING}`).text).toBe('toString');
  });

  it('links only a known subject kind with a well-formed id', () => {
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', `employer:${WARNING}`).link).toBeNull();
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', 'risk-warning:../../admin').link).toBeNull();
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', `risk-warning:${WARNING}:x`).link).toBeNull();
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', WARNING).link).toBeNull();
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', `constructor:${WARNING}`).link).toBeNull();
  });
});
