import { fieldError, type FieldError } from '../common/errors/app-exception';

/** Which party applies (调解仲裁法 第三十三条: 当事人). */
export const RECUSAL_SIDES = ['APPLICANT', 'RESPONDENT'] as const;
export type RecusalSide = (typeof RECUSAL_SIDES)[number];

/** 调解仲裁法 第三十三条: 当事人也有权以口头或者书面方式提出回避申请. */
export const RECUSAL_CHANNELS = ['ORAL', 'WRITTEN'] as const;
export type RecusalChannel = (typeof RECUSAL_CHANNELS)[number];

/**
 * The grounds of 调解仲裁法 第三十三条, in its order: (一) 本案当事人或者当事人、代理人的近亲属, (二) 与本案有利害关系,
 * (三) 与本案当事人、代理人有其他关系，可能影响公正裁决, (四) 私自会见当事人、代理人，或者接受当事人、代理人的请客送礼.
 */
export const RECUSAL_GROUNDS = [
  'RELATIVE',
  'INTEREST',
  'OTHER_RELATION',
  'PRIVATE_CONTACT_OR_GIFTS',
] as const;
export type RecusalGround = (typeof RECUSAL_GROUNDS)[number];

/** The commission decides (第三十三条: 及时作出决定): granted (the member is replaced) or refused. */
export const RECUSAL_DECISIONS = ['GRANTED', 'REFUSED'] as const;
export type RecusalDecision = (typeof RECUSAL_DECISIONS)[number];

/**
 * Pure: what is wrong with recording an application against `arbitratorId` received on `receivedOn` — the member must
 * sit on the tribunal (one asks a member to withdraw: 第三十三条), and the day lies between the case's acceptance and
 * today (a date in the future or before the case is not a day it was received).
 */
export function applicationProblems(
  tribunal: readonly string[],
  arbitratorId: string,
  receivedOn: string,
  window: { acceptedOn: string | null; today: string },
): FieldError[] {
  const problems: FieldError[] = [];
  if (!tribunal.includes(arbitratorId))
    problems.push(
      fieldError(
        'arbitratorId',
        'onTribunal',
        `${arbitratorId} 不是本案仲裁庭的组成人员`,
        `${arbitratorId} does not sit on this case's tribunal`,
      ),
    );
  if (receivedOn > window.today || (window.acceptedOn !== null && receivedOn < window.acceptedOn))
    problems.push(
      fieldError(
        'receivedOn',
        'withinCase',
        `收到回避申请的日期须在受理之日（${window.acceptedOn ?? '—'}）与今天（${window.today}）之间`,
        `the day the application was received lies between acceptance (${window.acceptedOn ?? '—'}) and today (${window.today})`,
      ),
    );
  return problems;
}

/**
 * Pure: what is wrong with a decision — a grant names the arbitrator who takes the recused member's place (the
 * tribunal keeps its size, 第三十一条), a refusal names none; the day lies between receipt and today.
 */
export function decisionProblems(
  d: { decision: RecusalDecision; incomingArbitratorId?: string; decidedOn: string },
  window: { receivedOn: string; today: string },
): FieldError[] {
  const problems: FieldError[] = [];
  if (d.decision === 'GRANTED' && d.incomingArbitratorId === undefined)
    problems.push(
      fieldError(
        'incomingArbitratorId',
        'isDefined',
        '决定回避的，须指定接替的仲裁员（仲裁庭人数不变）',
        'a granted recusal names the arbitrator who takes the place (the tribunal keeps its size)',
      ),
    );
  if (d.decision === 'REFUSED' && d.incomingArbitratorId !== undefined)
    problems.push(
      fieldError(
        'incomingArbitratorId',
        'isEmpty',
        '驳回回避申请的，不更换仲裁员',
        'a refused recusal replaces nobody',
      ),
    );
  if (d.decidedOn > window.today || d.decidedOn < window.receivedOn)
    problems.push(
      fieldError(
        'decidedOn',
        'withinApplication',
        `决定日期须在收到申请之日（${window.receivedOn}）与今天（${window.today}）之间`,
        `the decision's day lies between receipt (${window.receivedOn}) and today (${window.today})`,
      ),
    );
  return problems;
}
