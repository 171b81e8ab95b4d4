import { addYears } from '../calendar/local-date';
import { fieldError, type FieldError } from '../common/errors/app-exception';
import { nextByTable, type StateMachine } from '../common/versioned-transition';

/** Where a mediation case stands (人民调解, 调解仲裁法 第十条 and 第十四条). */
export const MEDIATION_STATUSES = ['OPEN', 'AGREEMENT', 'FAILED', 'WITHDRAWN', 'EXPIRED'] as const;
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];

/** What may happen to a case. */
export const MEDIATION_ACTIONS = [
  'SCHEDULE_SESSION',
  'EXTEND_PERIOD',
  'AGREE',
  'FAIL',
  'WITHDRAW',
  'EXPIRE',
  'ASSIGN_MEDIATOR',
  'REMOVE_MEMBER',
] as const;
export type MediationAction = (typeof MEDIATION_ACTIONS)[number];

/**
 * The case machine. Sessions are held and the case closes only while it is open; an open case whose 15-day
 * period passed without agreement expires (调解仲裁法 第十四条第三款: the party may then apply for arbitration).
 */
export const MEDIATION_TRANSITIONS: Readonly<
  Record<MediationStatus, Readonly<Partial<Record<MediationAction, MediationStatus>>>>
> = {
  OPEN: {
    SCHEDULE_SESSION: 'OPEN',
    // 参照 企业劳动争议协商调解规定 第二十七条: the period is extended when both parties agree.
    EXTEND_PERIOD: 'OPEN',
    AGREE: 'AGREEMENT',
    FAIL: 'FAILED',
    WITHDRAW: 'WITHDRAWN',
    EXPIRE: 'EXPIRED',
    // 人民调解法 第十九条: the committee designates the mediator(s) of a dispute; another takes over an open case.
    ASSIGN_MEDIATOR: 'OPEN',
    // 人民调解法 第二十三条: a member of a collective dispute may ask to end its own mediation; the group's goes on.
    REMOVE_MEMBER: 'OPEN',
  },
  AGREEMENT: {},
  FAILED: {},
  WITHDRAWN: {},
  EXPIRED: {},
};

/** How the agreement (调解协议书) is being performed. */
export const AGREEMENT_STATUSES = ['PERFORMING', 'PERFORMED', 'DEFAULTED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** PAY: an instalment is paid and others remain; PAY_LAST: the last unpaid one is paid; DEFAULT: one is overdue. */
export const AGREEMENT_ACTIONS = ['PAY', 'PAY_LAST', 'DEFAULT'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

export const AGREEMENT_TRANSITIONS: Readonly<
  Record<AgreementStatus, Readonly<Partial<Record<AgreementAction, AgreementStatus>>>>
> = {
  PERFORMING: { PAY: 'PERFORMING', PAY_LAST: 'PERFORMED', DEFAULT: 'DEFAULTED' },
  // A late payment is still recorded; the agreement stays defaulted until everything is paid.
  DEFAULTED: { PAY: 'DEFAULTED', PAY_LAST: 'PERFORMED' },
  PERFORMED: {},
};

/** The mediation case machine (409 details list the allowed actions in this order). */
export const MEDIATION_MACHINE: StateMachine<MediationStatus, MediationAction> = {
  table: MEDIATION_TRANSITIONS,
  actions: MEDIATION_ACTIONS,
};

/** The agreement machine. */
export const AGREEMENT_MACHINE: StateMachine<AgreementStatus, AgreementAction> = {
  table: AGREEMENT_TRANSITIONS,
  actions: AGREEMENT_ACTIONS,
};

/** The next case status, or 409 ILLEGAL_TRANSITION with {status, action, allowed}. */
export function nextMediationStatus(status: MediationStatus, action: MediationAction): MediationStatus {
  return nextByTable('A mediation case', MEDIATION_MACHINE, status, action);
}

/** The next agreement status, or 409 ILLEGAL_TRANSITION with {status, action, allowed}. */
export function nextAgreementStatus(status: AgreementStatus, action: AgreementAction): AgreementStatus {
  return nextByTable('A mediation agreement', AGREEMENT_MACHINE, status, action);
}

export const CLOSE_OUTCOMES = ['AGREEMENT', 'FAILED', 'WITHDRAWN'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const CLOSE_ACTION: Record<CloseOutcome, MediationAction> = {
  AGREEMENT: 'AGREE',
  FAILED: 'FAIL',
  WITHDRAWN: 'WITHDRAW',
};

export type EscalationReason = 'FAILED' | 'EXPIRED' | 'DEFAULTED';

/**
 * Why a case may go on to arbitration, or null when it may not: still open, an agreement being performed or
 * performed, or withdrawn by the worker (who may still apply for arbitration directly).
 */
export function escalationReason(
  status: MediationStatus,
  agreement: AgreementStatus | null,
): EscalationReason | null {
  switch (status) {
    case 'FAILED':
      return 'FAILED';
    case 'EXPIRED':
      return 'EXPIRED';
    case 'AGREEMENT':
      return agreement === 'DEFAULTED' ? 'DEFAULTED' : null;
    case 'OPEN':
    case 'WITHDRAWN':
      return null;
  }
}

export interface AgreementInput {
  claims: { description: string; amountFen: number }[];
  instalments: { dueOn: string; amountFen: number }[];
}

/**
 * The last day an instalment of an agreement signed on `signedOn` may fall due: the same date a year on (29 February →
 * 28 February). While an agreement is in force the worker may not arbitrate the same claims (409
 * MEDIATION_AGREEMENT_IN_FORCE), so a schedule may not outlast the one-year arbitration limitation period.
 */
// 调解仲裁法 第二十七条第一款: the limitation period for applying for arbitration is one year (platform bound).
export const lastInstalmentDueOn = (signedOn: string): string => addYears(signedOn, 1);

/**
 * Field errors of an agreement: integer fen ≥ 0, instalments adding up to the claims, none due before today or
 * after `lastInstalmentDueOn(today)`.
 */
export function agreementErrors(a: AgreementInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const isFen = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  const lastDue = lastInstalmentDueOn(today);
  // Paths dotted as the validation pipe writes them (`agreement.instalments.0.dueOn`), each message naming its field.
  const fen = (field: string) =>
    fieldError(
      field,
      'isFen',
      `${field} 须为不小于 0 的整数（单位：分）`,
      `${field} must be an integer number of fen ≥ 0`,
    );
  if (a.claims.length === 0)
    errors.push(fieldError('agreement.claims', 'arrayNotEmpty', '至少须有一项请求', 'at least one claim'));
  if (a.instalments.length === 0)
    errors.push(
      fieldError('agreement.instalments', 'arrayNotEmpty', '至少须有一期履行', 'at least one instalment'),
    );
  a.claims.forEach((c, i) => {
    if (!isFen(c.amountFen)) errors.push(fen(`agreement.claims.${i}.amountFen`));
  });
  a.instalments.forEach((p, i) => {
    if (!isFen(p.amountFen)) errors.push(fen(`agreement.instalments.${i}.amountFen`));
    if (p.dueOn < today)
      errors.push(
        fieldError(
          `agreement.instalments.${i}.dueOn`,
          'notInPast',
          `agreement.instalments.${i}.dueOn 不能早于 ${today}`,
          `agreement.instalments.${i}.dueOn must not be before ${today}`,
        ),
      );
    if (p.dueOn > lastDue)
      errors.push(
        fieldError(
          `agreement.instalments.${i}.dueOn`,
          'withinOneYear',
          `agreement.instalments.${i}.dueOn 不能晚于 ${lastDue}`,
          `agreement.instalments.${i}.dueOn must not be after ${lastDue} (one year from signing)`,
          { lastDueOn: lastDue },
        ),
      );
  });
  if (errors.length === 0) {
    const claimed = a.claims.reduce((s, c) => s + c.amountFen, 0);
    const scheduled = a.instalments.reduce((s, p) => s + p.amountFen, 0);
    if (claimed !== scheduled)
      errors.push(
        fieldError(
          'agreement.instalments',
          'sumMatchesClaims',
          `各期金额合计 ${scheduled} 分，与请求金额合计 ${claimed} 分不一致`,
          `instalments add up to ${scheduled} fen but the claims to ${claimed} fen`,
        ),
      );
  }
  return errors;
}

/**
 * The claims a defaulted agreement carries into arbitration: what the employer still owes under it (调解仲裁法 第十五条:
 * 不履行调解协议的，另一方当事人可以依法申请仲裁 — over what was not performed). The agreement does not allot its
 * instalments to claims: the sum paid settles the claims in their order (platform rule); a claim paid in full is not
 * carried, a non-monetary one (0 fen) always is.
 */
export function unpaidClaims<C extends { amountFen: number }>(claims: readonly C[], paidFen: number): C[] {
  let left = paidFen;
  const out: C[] = [];
  for (const c of claims) {
    const settled = Math.min(left, c.amountFen);
    left -= settled;
    if (c.amountFen === 0 || settled < c.amountFen) out.push({ ...c, amountFen: c.amountFen - settled });
  }
  return out;
}

/**
 * What a worker's own arbitration application (DIRECT, or filed by staff on their request) does to the dispute's
 * latest mediation case: an OPEN one ends as WITHDRAWN — the worker no longer wants mediation and may apply
 * (调解仲裁法 第五条), so no mediation runs beside the arbitration; an agreement being performed, or defaulted, is
 * taken to arbitration only through the escalation once the employer fails to perform it (第十五条, escalationReason),
 * which carries what is still owed; any other case (none, failed, expired, withdrawn, performed) leaves it alone.
 */
export type DirectApplicationStep = 'PROCEED' | 'WITHDRAW_MEDIATION' | 'AGREEMENT_IN_FORCE';

export function directApplicationStep(
  status: MediationStatus | null,
  agreement: AgreementStatus | null,
): DirectApplicationStep {
  if (status === 'OPEN') return 'WITHDRAW_MEDIATION';
  if (status === 'AGREEMENT' && agreement !== 'PERFORMED') return 'AGREEMENT_IN_FORCE';
  return 'PROCEED';
}
