import { documentNumber, renderDocument } from './inspection.documents';

const ctx = {
  caseNo: 'JC-2026-0000001-8',
  docNo: documentNumber('RECTIFICATION_ORDER', 2026, 7),
  issuedOn: '2026-11-02',
  brigade: '浦东新区劳动保障监察大队',
  employerName: '上海某某有限公司',
};

describe('inspection documents', () => {
  it('numbers documents per kind and year', () => {
    expect(ctx.docNo).toBe('浦人社监改〔2026〕0007号');
  });

  it('an order to rectify states the amount in yuan and the compliance deadline', () => {
    const text = renderDocument(ctx, {
      kind: 'RECTIFICATION_ORDER',
      violations: '未按时足额支付劳动者工资',
      arrearsFen: 1_250_001,
      workers: 3,
      complianceDueOn: '2026-11-16',
    });
    expect(text).toContain('拖欠3名劳动者劳动报酬共计12500.01元');
    expect(text).toContain('2026年11月16日前改正');
    expect(text).toContain('上海某某有限公司：');
  });

  it('a refusal is addressed to the reporter of a 举报, with every reason', () => {
    const text = renderDocument(ctx, {
      kind: 'REFUSAL_NOTICE',
      addressee: '举报人',
      reasons: ['理由一', '理由二'],
      note: null,
    });
    expect(text).toContain('举报不予受理告知书');
    expect(text).toContain('举报人：');
    expect(text).toContain('1. 理由一\n2. 理由二');
    expect(text).not.toContain('行政复议');
  });

  it('a refusal of a 投诉 tells the complainant how to contest it', () => {
    const text = renderDocument(ctx, {
      kind: 'REFUSAL_NOTICE',
      addressee: '投诉人',
      reasons: ['理由'],
      note: null,
    });
    expect(text).toContain('投诉不予受理告知书');
    expect(text).toContain('六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼');
  });

  it('the penalty notice names the right to state a case and to a hearing, with dates', () => {
    const text = renderDocument(ctx, {
      kind: 'PENALTY_NOTICE',
      violations: '逾期未改正',
      proposedFen: 500_000,
      basis: '《劳动保障监察条例》第二十六条',
      statementDueOn: '2026-11-05',
      hearingDueOn: '2026-11-07',
    });
    expect(text).toContain('陈述和申辩');
    expect(text).toContain('2026年11月5日');
    expect(text).toContain('听证');
    expect(text).toContain('5000.00元');
  });
});
