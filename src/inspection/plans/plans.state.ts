import { AppException } from '../../common/errors/app-exception';

/** A 双随机 plan: drawn once (DRAFTED, visible to staff only), then PUBLISHED (公开). The draw never changes. */
export const PLAN_STATUSES = ['DRAFTED', 'PUBLISHED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_ACTIONS = ['PUBLISH', 'RECORD_RESULT'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/**
 * No CANCEL and no re-draw: a plan that could be discarded and drawn again until someone likes the result would
 * not be random. Results are recorded only on a published plan (the checks happen after 公开 of the plan).
 */
export const PLAN_TRANSITIONS: Readonly<
  Record<PlanStatus, Readonly<Partial<Record<PlanAction, PlanStatus>>>>
> = {
  DRAFTED: { PUBLISH: 'PUBLISHED' },
  PUBLISHED: { RECORD_RESULT: 'PUBLISHED' },
};

export function nextPlanStatus(status: PlanStatus, action: PlanAction): PlanStatus {
  const next = PLAN_TRANSITIONS[status][action];
  if (next === undefined)
    throw AppException.conflict('ILLEGAL_TRANSITION', `A plan in status ${status} cannot ${action}`, {
      status,
      action,
      allowed: Object.keys(PLAN_TRANSITIONS[status]),
    });
  return next;
}

/** What the check of one drawn employer found (抽查结果, published with the plan). */
export const ITEM_RESULTS = ['NO_VIOLATION', 'VIOLATION_FOUND', 'NOT_FOUND_AT_ADDRESS'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
