import { renderTemplate } from '../notifications/templates';
import { extensionNotice } from './inspection-notices';

describe('the complainant told of an extended investigation (劳动保障监察条例 第十七条)', () => {
  it('names the new last day, marked 暂定 when counted through a year whose schedule is not loaded', () => {
    const firm = extensionNotice({ due: '2026-12-25', provisional: false })!;
    expect(firm).toEqual({ template: 'INSPECTION_PERIOD_EXTENDED', params: { due: '2026-12-25' } });
    expect(renderTemplate(firm.template, { caseNo: '沪浦监〔2026〕1号', ...firm.params }).text).toBe(
      '您投诉的监察案件（案号沪浦监〔2026〕1号）情况复杂，经负责人批准延长调查期限，最迟应于2026-12-25（含当日）调查完毕。',
    );
    const provisional = extensionNotice({ due: '2027-02-05', provisional: true })!;
    expect(provisional.template).toBe('INSPECTION_PERIOD_EXTENDED_PROVISIONAL');
    expect(renderTemplate(provisional.template, { caseNo: 'x', ...provisional.params }).text).toContain(
      '最迟应于2027-02-05（含当日）调查完毕（暂定，',
    );
  });

  it('tells nothing while the period is paused (no last day) or without a clock', () => {
    expect(extensionNotice({ due: null, provisional: false })).toBeUndefined();
    expect(extensionNotice(null)).toBeUndefined();
  });
});
