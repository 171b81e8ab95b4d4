import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { ClockView } from '../deadlines/deadlines.service';
import { defenceClocks, hearingsWithinAnswerPeriods } from './arbitration-hearing.rules';
import type { ArbitrationCase } from './entities/arbitration-case.entity';
import type { ArbitrationHearing } from './entities/arbitration-hearing.entity';

/** The timeline event of a payment on the agreement an application was escalated from (SourceAgreementPayments). */
export const SOURCE_AGREEMENT_PAID = 'ARBITRATION_SOURCE_AGREEMENT_PAID';

/** A payment on the source agreement recorded while the case was open, as the case's view shows it. */
export interface SourceAgreementPaymentView {
  mediationCaseId: string;
  seq: number;
  amountFen: number;
  paidOn: string;
  agreementStatus: string;
  recordedAt: string;
}

/** The payments recorded on the case's source agreement while it was open (its timeline events), oldest first. */
export async function sourceAgreementPaymentsOf(
  audit: AuditService,
  em: EntityManager,
  c: Pick<ArbitrationCase, 'id' | 'complaintId' | 'sourceMediationCaseId'>,
): Promise<SourceAgreementPaymentView[]> {
  if (!c.sourceMediationCaseId) return [];
  const events = await audit.eventsWith(
    em,
    { caseType: 'COMPLAINT', caseId: c.complaintId },
    SOURCE_AGREEMENT_PAID,
    'arbitrationCaseId',
    c.id,
  );
  return events.map(({ data, occurredAt }) => ({
    mediationCaseId: data.mediationCaseId as string,
    seq: data.seq as number,
    amountFen: data.amountFen as number,
    paidOn: data.paidOn as string,
    agreementStatus: data.agreementStatus as string,
    recordedAt: occurredAt.toISOString(),
  }));
}

/** What the case's view warns staff of (codes; the view carries the facts). */
export function caseWarnings(
  c: Pick<ArbitrationCase, 'limitation'>,
  hearings: readonly ArbitrationHearing[],
  clocks: readonly ClockView[],
  payments: readonly SourceAgreementPaymentView[],
): string[] {
  return [
    // Since 2017 limitation is the respondent's defence, not a ground to refuse: staff are warned, nothing more.
    ...(c.limitation && !c.limitation.withinLimit ? ['LIMITATION_MAY_HAVE_EXPIRED'] : []),
    // A hearing booked before a change of the claims started a new answer period (办案规则 第四十四条).
    ...(hearingsWithinAnswerPeriods(hearings, defenceClocks(clocks)).length
      ? ['HEARING_WITHIN_ANSWER_PERIOD']
      : []),
    // The agreement whose default the application claims was paid since (调解仲裁法 第四十一条: the applicant may
    // withdraw; the tribunal weighs it): sourceAgreementPayments names each payment.
    ...(payments.length ? ['SOURCE_AGREEMENT_PAID'] : []),
  ];
}
