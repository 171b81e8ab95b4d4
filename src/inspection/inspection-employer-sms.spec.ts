import { renderTemplate, TEMPLATES } from '../notifications/templates';
import { DOCUMENT_KINDS } from './inspection.constants';
import { EMPLOYER_FACING, type DocumentFacts } from './inspection.documents';
import { employerSmsOf } from './inspection-employer-sms';

const FACTS: Record<(typeof DOCUMENT_KINDS)[number], DocumentFacts> = {
  REFUSAL_NOTICE: { kind: 'REFUSAL_NOTICE', addressee: '投诉人', reasons: ['x'], note: null },
  INQUIRY_NOTICE: { kind: 'INQUIRY_NOTICE', appearOn: '2026-12-14', place: '合欢路2号', materials: [] },
  RECTIFICATION_ORDER: {
    kind: 'RECTIFICATION_ORDER',
    violations: 'v',
    arrearsFen: 100,
    workers: 1,
    complianceDueOn: '2026-12-17',
  },
  PENALTY_NOTICE: {
    kind: 'PENALTY_NOTICE',
    violations: 'v',
    proposedFen: 100,
    basis: 'b',
    statementDueOn: '2026-12-10',
    hearingDueOn: '2026-12-14',
  },
  PENALTY_DECISION: { kind: 'PENALTY_DECISION', violations: 'v', amountFen: 100, basis: 'b' },
  TRANSFER_NOTICE: { kind: 'TRANSFER_NOTICE', arrearsFen: 100, workers: 1, reasons: [] },
  HANDLING_NOTICE: {
    kind: 'HANDLING_NOTICE',
    violations: 'v',
    proposed: 'p',
    basis: 'b',
    statementDueOn: '2026-12-10',
  },
  HANDLING_DECISION: {
    kind: 'HANDLING_DECISION',
    violations: 'v',
    decision: 'd',
    basis: 'b',
    compensation: null,
  },
};

describe('the employer’s SMS of an inspection document', () => {
  const doc = { caseNo: 'JC-2026-0000001-X', docNo: '浦人社监改〔2026〕0001号' };

  it('exists exactly for the documents served on the employer, goes to the employer and renders', () => {
    for (const kind of DOCUMENT_KINDS) {
      const sms = employerSmsOf(FACTS[kind], doc);
      expect([kind, sms !== null]).toEqual([kind, EMPLOYER_FACING[kind]]);
      if (!sms) continue;
      expect(TEMPLATES[sms.template].audience).toBe('EMPLOYER');
      const text = renderTemplate(sms.template, sms.params).text;
      expect(text).toContain(doc.docNo);
      // Not service (送达): the written document counts.
      expect(text).toContain('本短信不作为送达');
    }
  });

  it('carries the dates the document printed: the order’s deadline, the notice’s statement and hearing periods', () => {
    expect(employerSmsOf(FACTS.RECTIFICATION_ORDER, doc)!.params.complianceDueOn).toBe('2026-12-17');
    expect(employerSmsOf(FACTS.PENALTY_NOTICE, doc)!.params).toMatchObject({
      statementDueOn: '2026-12-10',
      hearingDueOn: '2026-12-14',
    });
    expect(employerSmsOf(FACTS.HANDLING_NOTICE, doc)!.params.statementDueOn).toBe('2026-12-10');
  });
});
