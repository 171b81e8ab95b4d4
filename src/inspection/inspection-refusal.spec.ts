import type { InspectionCase } from './entities';
import { REFUSAL_REASONS, type RefusalReason } from './inspection.rules';
import { assertRefusalHolds, referralErrors, refusalStep } from './inspection-refusal';

const REASONS = Object.keys(REFUSAL_REASONS) as RefusalReason[];

describe('an inspection refusal names where to turn (若干规定 第十八条第四款)', () => {
  it.each(REASONS)('%s: a referral is required only outside the remit or the district', (reason) => {
    const required = reason === 'OUT_OF_JURISDICTION' || reason === 'NOT_LABOR_SECURITY_MATTER';
    expect(referralErrors([reason], null).map((e) => e.field)).toEqual(required ? ['referTo'] : []);
    expect(referralErrors([reason], '上海市闵行区劳动保障监察大队')).toEqual([]);
  });

  it('the SMS, the notice and the record carry the referral; none without one', () => {
    const c = { source: 'COMPLAINT' } as InspectionCase;
    const step = refusalStep(c, '2026-12-07', {
      reasons: ['NOT_LABOR_SECURITY_MATTER'],
      note: null,
      referTo: '区市场监督管理局',
      violationEndedOn: null,
    });
    expect(step.changes).toMatchObject({ refusalReferTo: '区市场监督管理局', refusedOn: '2026-12-07' });
    expect(step.data).toEqual({ reasons: ['NOT_LABOR_SECURITY_MATTER'], referTo: '区市场监督管理局' });
    expect(step.notify?.params.referral).toBe('请向区市场监督管理局投诉或反映。');
    expect(step.document).toMatchObject({
      addressee: '投诉人',
      referral: '请向区市场监督管理局投诉或反映。',
    });
    const plain = refusalStep(c, '2026-12-07', {
      reasons: ['IN_ARBITRATION_OR_COURT'],
      note: null,
      referTo: null,
      violationEndedOn: null,
    });
    expect(plain.notify?.params.referral).toBe('');
    expect(plain.changes.refusalReferTo).toBeNull();
  });
});

describe('a refusal its facts do not bear is 409 (监察条例 第二十条; 若干规定 第十八条第三款)', () => {
  const refusal = (reason: RefusalReason, violationEndedOn: string | null = null) => ({
    reasons: [reason],
    note: null,
    referTo: null,
    violationEndedOn,
  });
  const c = { receivedOn: '2026-12-07', employerId: 'e1', complaintId: 'c1' };
  const code = (f: () => void) => {
    try {
      f();
      return null;
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it('over two years only when the violation ended more than two years before receipt', () => {
    expect(code(() => assertRefusalHolds(c, refusal('OVER_LOOKBACK')))).toBe('WITHIN_LOOKBACK');
    expect(code(() => assertRefusalHolds(c, refusal('OVER_LOOKBACK', '2024-12-07')))).toBe('WITHIN_LOOKBACK');
    expect(code(() => assertRefusalHolds(c, refusal('OVER_LOOKBACK', '2024-12-06')))).toBeNull();
  });

  it('no identified employer only without one on record', () => {
    expect(code(() => assertRefusalHolds(c, refusal('NO_IDENTIFIED_EMPLOYER')))).toBe('EMPLOYER_ON_RECORD');
    expect(
      code(() => assertRefusalHolds({ ...c, employerId: null }, refusal('NO_IDENTIFIED_EMPLOYER'))),
    ).toBeNull();
  });
});
