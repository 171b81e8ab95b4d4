import type { ComplaintStatus } from './complaint.constants';

/**
 * Where a complaint's claim stands in a proceeding of its own (a case opened on the complaint, not on a collective
 * dispute), as the case file reads it for the complaints module (case-file/claim-standing-links.ts): a mediation case
 * by its status and its agreement's, an arbitration case pending, decided (award or 调解书) or ended deciding nothing
 * (withdrawn, terminated, not accepted), an inspection case open or closed.
 */
export const OWN_PROCEEDING_STATES = [
  'MEDIATION_OPEN',
  'MEDIATION_AGREEMENT_PERFORMING',
  'MEDIATION_AGREEMENT_PERFORMED',
  'MEDIATION_AGREEMENT_DEFAULTED',
  'MEDIATION_FAILED',
  'MEDIATION_EXPIRED',
  'MEDIATION_WITHDRAWN',
  'ARBITRATION_PENDING',
  'ARBITRATION_DECIDED',
  'ARBITRATION_ENDED_UNDECIDED',
  'INSPECTION_OPEN',
  'INSPECTION_CLOSED',
] as const;
export type OwnProceedingState = (typeof OWN_PROCEEDING_STATES)[number];

/** Why a complaint may not be a member of a collective dispute (409 COLLECTIVE_MEMBERS_INELIGIBLE `reasons`). */
export const INELIGIBILITY_REASONS = [
  'REJECTED',
  'WITHDRAWN',
  'IN_MEDIATION',
  'SETTLED_BY_MEDIATION',
  'AGREEMENT_DEFAULTED',
  'IN_ARBITRATION',
  'DECIDED_IN_ARBITRATION',
  'IN_INSPECTION',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

/**
 * The complaint's own status. 调解仲裁法 第七条 groups workers whose common claim (共同请求) is still pending: a claim
 * received, being completed, accepted or routed is (routing opens no proceeding yet: the table below decides).
 */
export const STATUS_EXCLUDES: Readonly<Record<ComplaintStatus, IneligibilityReason | null>> = {
  SUBMITTED: null,
  CORRECTION_REQUESTED: null,
  ACCEPTED: null,
  ROUTED: null,
  // 若干规定 第十八条: refused (不予受理) or told to turn elsewhere: the channel holds no claim of theirs.
  REJECTED: 'REJECTED',
  // Platform rule (withdrawal.rules.ts): the worker withdrew it; 调解仲裁法 第七条 counts the workers still in the dispute.
  WITHDRAWN: 'WITHDRAWN',
};

/** Each state of a proceeding of the complaint's own, and whether it keeps the claim out of a collective dispute. */
export const PROCEEDING_EXCLUDES: Readonly<Record<OwnProceedingState, IneligibilityReason | null>> = {
  // Platform rule (one proceeding per claim at a time): the claim is being mediated; it ends there first (close/withdraw).
  MEDIATION_OPEN: 'IN_MEDIATION',
  // 调解仲裁法 第十四条第二款 / 人民调解法 第三十一条: the signed 调解协议书 binds both parties, who perform it.
  MEDIATION_AGREEMENT_PERFORMING: 'SETTLED_BY_MEDIATION',
  // 调解仲裁法 第十四条第二款 / 人民调解法 第三十一条: performed and paid — nothing left to claim again.
  MEDIATION_AGREEMENT_PERFORMED: 'SETTLED_BY_MEDIATION',
  // 调解仲裁法 第十五条: non-performance goes to arbitration over what was not performed (the escalation, unpaidClaims).
  MEDIATION_AGREEMENT_DEFAULTED: 'AGREEMENT_DEFAULTED',
  // 调解仲裁法 第五条: 调解不成 settles nothing — the claim is pending and may join the group (第七条).
  MEDIATION_FAILED: null,
  // 调解仲裁法 第十四条第三款: no agreement within 15 days settles nothing — pending, may join.
  MEDIATION_EXPIRED: null,
  // 调解仲裁法 第五条 (不愿调解): the worker left mediation; nothing settled, may join.
  MEDIATION_WITHDRAWN: null,
  // 办案规则 第三十四条第（二）项: the same claim is not brought again while its arbitration is under way.
  ARBITRATION_PENDING: 'IN_ARBITRATION',
  // 办案规则 第三十四条第（二）项; 调解仲裁法 第四十二、四十七条: an effective award or 调解书 (一事不再理).
  ARBITRATION_DECIDED: 'DECIDED_IN_ARBITRATION',
  // 调解仲裁法 第四十一条 (withdrawn), 办案规则 (terminated, not accepted) decide nothing on the merits: may join.
  ARBITRATION_ENDED_UNDECIDED: null,
  // 监察条例 第二十六条: the inspection orders the employer to pay — the claim is being handled there.
  INSPECTION_OPEN: 'IN_INSPECTION',
  // 监察条例 第二十一条第一款: inspection decides no labor dispute; what is still owed stays the worker's claim.
  INSPECTION_CLOSED: null,
};

/** What a complaint's eligibility is decided on: its status and the states of its own proceedings (any order). */
export interface ClaimStanding {
  status: ComplaintStatus;
  proceedings: readonly OwnProceedingState[];
}

/**
 * Why a complaint may not be proposed or confirmed as a member of a collective dispute (调解仲裁法 第七条: workers
 * with a common claim still pending), in INELIGIBILITY_REASONS order, each once; none: it may join.
 */
export function collectiveIneligibility(c: ClaimStanding): IneligibilityReason[] {
  const found = new Set<IneligibilityReason>();
  const byStatus = STATUS_EXCLUDES[c.status];
  if (byStatus) found.add(byStatus);
  for (const p of c.proceedings) {
    const reason = PROCEEDING_EXCLUDES[p];
    if (reason) found.add(reason);
  }
  return INELIGIBILITY_REASONS.filter((r) => found.has(r));
}

/** The complaint statuses that exclude by themselves (the proposals' SQL leaves them out before reading proceedings). */
export const EXCLUDED_STATUSES = (Object.keys(STATUS_EXCLUDES) as ComplaintStatus[]).filter(
  (s) => STATUS_EXCLUDES[s] !== null,
);
