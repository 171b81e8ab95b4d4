import type { SmsTemplateId } from '../notifications/templates';
import type { DocumentKind } from './inspection.constants';
import type { DocumentFacts } from './inspection.documents';

/** An SMS to the employer: its template and variables (no personal data: the employer's own case and documents). */
export interface EmployerSms {
  template: SmsTemplateId;
  params: Record<string, string>;
}

type FactsOf<K extends DocumentKind> = Extract<DocumentFacts, { kind: K }>;

/**
 * The SMS the employer gets when a document is served on it (EMPLOYER_FACING), by document kind; null for the
 * documents it is not the addressee of (a refusal goes to the complainant, a transfer to the police). Each names the
 * written document, which counts (notifications/inspection-templates.ts cites the articles): its dates are the ones
 * the document printed, never a period counted from the SMS.
 */
const EMPLOYER_SMS: { [K in DocumentKind]: ((f: FactsOf<K>) => EmployerSms) | null } = {
  REFUSAL_NOTICE: null,
  TRANSFER_NOTICE: null,
  INQUIRY_NOTICE: (f) => ({
    template: 'INSPECTION_INQUIRY_NOTICE_EMPLOYER',
    params: { appearOn: f.appearOn, place: f.place },
  }),
  RECTIFICATION_ORDER: (f) => ({
    template: 'INSPECTION_RECTIFY_ORDERED_EMPLOYER',
    params: { complianceDueOn: f.complianceDueOn },
  }),
  PENALTY_NOTICE: (f) => ({
    template: 'INSPECTION_PENALTY_NOTICED_EMPLOYER',
    params: { statementDueOn: f.statementDueOn, hearingDueOn: f.hearingDueOn },
  }),
  HANDLING_NOTICE: (f) => ({
    template: 'INSPECTION_HANDLING_NOTICED_EMPLOYER',
    params: { statementDueOn: f.statementDueOn },
  }),
  PENALTY_DECISION: () => ({ template: 'INSPECTION_PENALTY_DECIDED_EMPLOYER', params: {} }),
  HANDLING_DECISION: () => ({ template: 'INSPECTION_HANDLING_DECIDED_EMPLOYER', params: {} }),
};

/** The employer's SMS for a document issued in the case (`docNo`), or null when the document is not served on it. */
export function employerSmsOf(f: DocumentFacts, doc: { caseNo: string; docNo: string }): EmployerSms | null {
  const of = EMPLOYER_SMS[f.kind] as ((f: DocumentFacts) => EmployerSms) | null;
  if (!of) return null;
  const sms = of(f);
  return { template: sms.template, params: { caseNo: doc.caseNo, docNo: doc.docNo, ...sms.params } };
}
