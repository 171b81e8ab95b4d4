import type { RouteTarget } from './routing.rules';

/** A proceeding opened on a complaint (or its collective dispute), as the body that owns it reports it. */
export interface ProceedingOnComplaint {
  proceeding: RouteTarget;
  caseId: string;
  status: string;
  /** How a closed case ended (inspection and arbitration closure types); null while open or for mediation. */
  closureType: string | null;
}

/**
 * Where a proceeding leaves the complaint: still OPEN (the body is handling it), ENDED without deciding the matter (the
 * worker may be sent to another body), or DECIDED (the matter was settled there: no other body takes it up again).
 */
export type ProceedingStanding = 'OPEN' | 'ENDED_UNDECIDED' | 'DECIDED';

/**
 * Each body's case statuses (or `STATUS:CLOSURE`) and where they leave the complaint. A status not listed is DECIDED,
 * so a new closure type is never silently a way to route the worker twice.
 */
export const PROCEEDING_STANDING: Readonly<
  Record<RouteTarget, Readonly<Record<string, ProceedingStanding>>>
> = {
  INSPECTION: {
    RECEIVED: 'OPEN',
    INVESTIGATING: 'OPEN',
    RECTIFICATION_ORDERED: 'OPEN',
    PENALTY_NOTICED: 'OPEN',
    PENALTY_DECIDED: 'OPEN',
    // 若干规定 第十八条第二款、第四款: 不予受理, or 告诉投诉人 where to turn — the brigade did not decide the matter.
    REFUSED: 'ENDED_UNDECIDED',
    // 撤销立案 (inspection-closing.service.ts): the case is undone, nothing was found either way.
    'CLOSED:REVOKED': 'ENDED_UNDECIDED',
    // 劳动保障监察条例 第十八条: findings — no violation, rectified, penalised — decide the matter.
    'CLOSED:NO_VIOLATION': 'DECIDED',
    'CLOSED:RECTIFIED': 'DECIDED',
    'CLOSED:PENALISED': 'DECIDED',
    // 并案 / 移送: the matter goes on in the other case or with public security.
    'CLOSED:MERGED': 'DECIDED',
    'CLOSED:TRANSFERRED': 'DECIDED',
  },
  MEDIATION: {
    OPEN: 'OPEN',
    // 调解仲裁法 第五条: 不愿调解、调解不成 … 可以向劳动争议仲裁委员会申请仲裁 — mediation is voluntary and may end undecided.
    FAILED: 'ENDED_UNDECIDED',
    WITHDRAWN: 'ENDED_UNDECIDED',
    // 调解仲裁法 第十四条第三款: 自收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁.
    EXPIRED: 'ENDED_UNDECIDED',
    // 人民调解法 第三十一条: an agreement binds the parties (its default goes to arbitration on the worker's own application).
    AGREEMENT: 'DECIDED',
  },
  ARBITRATION: {
    APPLIED: 'OPEN',
    // 办案规则 第二十九条第四款: an application sent back for 补正 is still before the commission.
    CORRECTION_REQUESTED: 'OPEN',
    ACCEPTED: 'OPEN',
    TRIBUNAL_FORMED: 'OPEN',
    HEARING_SCHEDULED: 'OPEN',
    // 调解仲裁法 第二十九条: 不予受理 leaves the dispute undecided; so do a withdrawal and a termination.
    NOT_ACCEPTED: 'ENDED_UNDECIDED',
    'CLOSED:WITHDRAWN': 'ENDED_UNDECIDED',
    'CLOSED:TERMINATED': 'ENDED_UNDECIDED',
    // 调解仲裁法 第四十二条、第四十七条: a 调解书 or an award decides the dispute.
    'CLOSED:MEDIATED': 'DECIDED',
    'CLOSED:AWARD': 'DECIDED',
  },
};

export function standingOf(p: ProceedingOnComplaint): ProceedingStanding {
  const table = PROCEEDING_STANDING[p.proceeding];
  return table[`${p.status}:${p.closureType ?? ''}`] ?? table[p.status] ?? 'DECIDED';
}

/** Why a routed complaint may not go to another body (the 409's `details.reason`). */
export type RerouteRefusal = 'PROCEEDING_OPEN' | 'MATTER_DECIDED' | 'SAME_TARGET';

export type RerouteDecision =
  | { ok: true; ground: 'NO_CASE_OPENED' | 'PROCEEDING_ENDED_UNDECIDED' }
  | { ok: false; reason: RerouteRefusal; proceeding: ProceedingOnComplaint | null };

/**
 * Whether staff may send a routed complaint to `target` instead of where it is: while the body it went to never
 * opened a case (a mis-route), or once every proceeding on it ended without deciding the matter — the worker is told
 * where to go (若干规定 第十八条第四款) and mediation is voluntary (调解仲裁法 第五条). Never while one is open (the
 * body withdraws or ends it first), never after one decided the matter, never to where it already is.
 */
// 若干规定 第十八条第四款; 调解仲裁法 第五条、第十四条第三款.
export function rerouteDecision(
  current: RouteTarget,
  target: RouteTarget,
  proceedings: readonly ProceedingOnComplaint[],
): RerouteDecision {
  if (current === target) return { ok: false, reason: 'SAME_TARGET', proceeding: null };
  const open = proceedings.find((p) => standingOf(p) === 'OPEN');
  if (open) return { ok: false, reason: 'PROCEEDING_OPEN', proceeding: open };
  const decided = proceedings.find((p) => standingOf(p) === 'DECIDED');
  if (decided) return { ok: false, reason: 'MATTER_DECIDED', proceeding: decided };
  return {
    ok: true,
    ground: proceedings.length === 0 ? 'NO_CASE_OPENED' : 'PROCEEDING_ENDED_UNDECIDED',
  };
}
