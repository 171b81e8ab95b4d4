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

  it('a template this version does not know shows its code', () => {
    expect(describeInApp('SOMETHING_RETIRED', `risk-warning:${WARNING}`).text).toBe('SOMETHING_RETIRED');
    expect(describeInApp('toString', `risk-warning:${WARNING}`).text).toBe('toString');
  });

  it('links only a known subject kind with a well-formed id', () => {
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', `complaint:${WARNING}`).link).toBeNull();
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', 'risk-warning:../../admin').link).toBeNull();
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', `risk-warning:${WARNING}:x`).link).toBeNull();
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', WARNING).link).toBeNull();
    expect(describeInApp('RISK_RED_UNACKNOWLEDGED', `constructor:${WARNING}`).link).toBeNull();
  });
});
