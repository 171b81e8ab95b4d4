import { AppException } from '../common/errors/app-exception';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { CaseEventView } from '../audit/audit.service';
import type { InspectionDocument } from './entities/inspection-document.entity';
import {
  answersToNotice,
  penaltyDecisionRefusal,
  printedPeriods,
  type PenaltyDecisionRefusal,
} from './inspection.rules';

/** The English message of each refusal of a penalty decision (the catalogue has the zh-CN). */
const PENALTY_REFUSALS: Record<PenaltyDecisionRefusal['code'], string> = {
  STATEMENT_PERIOD_RUNNING:
    'The employer may still state its case: decide after the period in the notice (行政处罚法 第四十五条)',
  HEARING_REQUEST_PERIOD_RUNNING:
    'The employer may still ask for a hearing: decide after the period in the notice (行政处罚法 第六十四条)',
  PENALTY_HEARING_NOT_HELD:
    'The employer asked for a hearing in time: hold it and record it first (行政处罚法 第六十四、六十五条)',
};

/**
 * Throws the 409 a 行政处罚决定 meets after its notice: the employer not yet heard (`penaltyDecisionRefusal`, on the
 * dates the notice printed: what the employer was told), or a fine heavier than the notice proposed (行政处罚法
 * 第四十五条第二款: never heavier for having been heard — a heavier fine needs a new notice, 第四十四条).
 */
export function assertPenaltyDecidable(
  calendar: WorkingCalendar,
  notice: InspectionDocument,
  timeline: readonly CaseEventView[],
  decision: { on: string; amountFen: number },
): void {
  const answers = answersToNotice(timeline, notice);
  const { statementDueOn, hearingDueOn } = printedPeriods(calendar, notice);
  const refusal = penaltyDecisionRefusal({
    noticeServedOn: notice.issuedOn,
    statementDueOn,
    hearingDueOn,
    answers,
    on: decision.on,
  });
  if (refusal)
    throw AppException.conflict(refusal.code, PENALTY_REFUSALS[refusal.code], {
      noticeIssuedOn: notice.issuedOn,
      hearingDueOn,
      ...('earliestDecisionOn' in refusal ? { earliestDecisionOn: refusal.earliestDecisionOn } : {}),
      ...(refusal.code === 'PENALTY_HEARING_NOT_HELD' ? { remedies: ['RECORD_RESPONSE:HEARING_HELD'] } : {}),
    });
  const proposedFen = Number(notice.data.proposedFen);
  if (Number.isFinite(proposedFen) && decision.amountFen > proposedFen)
    throw AppException.conflict(
      'PENALTY_ABOVE_NOTICE',
      'A heavier fine than the notice proposed needs a new notice',
      {
        proposedFen,
        remedies: ['NOTICE_PENALTY'],
      },
    );
}
