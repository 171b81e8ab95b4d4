import { fieldError, type FieldError } from '../common/errors/app-exception';

// 办案规则 (2017) 第四十四条: changed or increased claims accepted before the evidence deadline; the respondent is
// notified and given an answer period, unless it expressly waives it.
export const CLAIM_CHANGE_CITATION =
  '劳动人事争议仲裁办案规则 (2017) 第四十四条 (增加或者变更仲裁请求; 给予答辩期, 被申请人明确表示放弃答辩期的除外)';

// 办案规则 (2017) 第四十六条第（三）项: the award period is counted again from the acceptance of the change.
export const CLAIM_CHANGE_RESTART_REASON =
  '受理增加、变更仲裁请求，仲裁期限重新计算（劳动人事争议仲裁办案规则 第四十六条第（三）项）';

/**
 * A RESTART of the award period entered through the deadlines API (追加当事人, 反申请, 移送管辖: 办案规则 第四十六条) while
 * it is suspended would end the 中止 silently, as a change of claims would (CLAIM_CHANGE_WHILE_SUSPENDED): refused the
 * same way — the commission resumes first, as its own act (办案规则 第四十六条第（六）项).
 */
export function restartWhileSuspended(
  clock: { rule: { id: string }; state: string },
  event: { type: string },
): boolean {
  return clock.rule.id === 'ARBITRATION_DECISION' && event.type === 'RESTART' && clock.state === 'PAUSED';
}

/** Longest description of the change (the claims themselves are on the written application). */
export const CLAIM_CHANGE_DESCRIPTION_MAX = 500;

/**
 * The respondent's answer to the changed claims (第四十四条): WAIVED, it expressly gave up the period; WITH_APPLICATION,
 * the application itself is not yet recorded as served, so the changed claims go with it and the answer period that
 * its service starts (调解仲裁法 第三十条) covers them; NEW_PERIOD, 10 working days from the notice of the change.
 */
export type ChangeAnswerPeriod = 'WAIVED' | 'WITH_APPLICATION' | 'NEW_PERIOD';

export function changeAnswerPeriod(waived: boolean, applicationServed: boolean): ChangeAnswerPeriod {
  if (waived) return 'WAIVED';
  return applicationServed ? 'NEW_PERIOD' : 'WITH_APPLICATION';
}

/**
 * The dates of a change, as field errors (400): the tribunal accepts it on a day of the case (not before the case was
 * accepted, not in the future), and notifies the respondent of it on or after that day, not in the future (a
 * `servedOn` not given is the acceptance day: nothing more to check).
 */
export function claimChangeDateErrors(d: {
  acceptedOn: string;
  servedOn?: string;
  caseAcceptedOn: string | null;
  today: string;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (d.acceptedOn > d.today)
    errors.push(
      fieldError(
        'acceptedOn',
        'notInFuture',
        'acceptedOn 不能晚于今天',
        'acceptedOn must not be in the future',
      ),
    );
  else if (d.caseAcceptedOn !== null && d.acceptedOn < d.caseAcceptedOn)
    errors.push(
      fieldError(
        'acceptedOn',
        'notBeforeCaseAccepted',
        `acceptedOn 不能早于案件受理之日 ${d.caseAcceptedOn}`,
        `acceptedOn must not be before the case was accepted (${d.caseAcceptedOn})`,
        { caseAcceptedOn: d.caseAcceptedOn },
      ),
    );
  if (d.servedOn === undefined) return errors;
  if (d.servedOn > d.today)
    errors.push(
      fieldError('servedOn', 'notInFuture', 'servedOn 不能晚于今天', 'servedOn must not be in the future'),
    );
  else if (d.servedOn < d.acceptedOn)
    errors.push(
      fieldError(
        'servedOn',
        'notBeforeAccepted',
        'servedOn 不能早于受理变更请求之日',
        'servedOn must not be before the change was accepted',
      ),
    );
  return errors;
}

/** A claim of the case as a change sees it: decided (final not null) by a 先行裁决 or not. */
export interface ClaimOfCase {
  id: string;
  seq: number;
  final: boolean | null;
}

/** A changed claim (变更): its new description and/or amount. */
export interface ClaimAmendment {
  claimId: string;
  description?: string;
  amountFen?: number;
}

/**
 * The changed claims, as field errors (400): each names a claim of this case, once, and changes something. A claim
 * already decided (先行裁决, 调解仲裁法 第四十三条第二款) is not an input error but the case's state: see
 * `decidedAmendments`.
 */
export function claimAmendmentErrors(
  claims: readonly ClaimOfCase[],
  changed: readonly ClaimAmendment[],
): FieldError[] {
  const ids = new Set(claims.map((x) => x.id));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  changed.forEach((x, i) => {
    const at = `changedClaims.${i}`;
    if (!ids.has(x.claimId))
      errors.push(
        fieldError(
          `${at}.claimId`,
          'claimOfCase',
          'claimId 不是本案的仲裁请求',
          'claimId is not a claim of this case',
        ),
      );
    else if (seen.has(x.claimId))
      errors.push(
        fieldError(
          `${at}.claimId`,
          'once',
          '同一请求只能变更一次',
          'a claim may be changed once per request',
        ),
      );
    else if (x.description === undefined && x.amountFen === undefined)
      errors.push(
        fieldError(at, 'changesSomething', '须变更请求的内容或金额', 'change the description or the amount'),
      );
    seen.add(x.claimId);
  });
  return errors;
}

/** The changed claims already decided by a 先行裁决: they cannot change (409), by their numbers. */
export function decidedAmendments(
  claims: readonly ClaimOfCase[],
  changed: readonly ClaimAmendment[],
): number[] {
  const decided = new Map(claims.filter((x) => x.final !== null).map((x) => [x.id, x.seq]));
  return changed.flatMap((x) => (decided.has(x.claimId) ? [decided.get(x.claimId)!] : []));
}
