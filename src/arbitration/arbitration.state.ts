import { allowedIn, type StateMachine } from '../common/versioned-transition';
import type { ArbitrationStatus } from './arbitration.constants';

export const ARBITRATION_ACTIONS = [
  'ACCEPT',
  'REJECT',
  'REQUEST_CORRECTION',
  'SUPPLY_CORRECTION',
  'FORM_TRIBUNAL',
  'REPLACE_ARBITRATOR',
  'RECORD_RECUSAL_APPLICATION',
  'DECIDE_RECUSAL',
  'SCHEDULE_HEARING',
  'POSTPONE_HEARING',
  'RECORD_HEARING',
  'DECIDE_ON_PAPERS',
  'RECORD_SERVICE',
  'RECORD_DEFENCE',
  'RECORD_DEFENCE_SERVICE',
  'ACCEPT_CLAIM_CHANGE',
  'REMOVE_MEMBER',
  'AWARD',
  'PARTIAL_AWARD',
  'PROVISIONAL_EXECUTION',
  'SERVE_AWARD',
  'CLOSE',
] as const;
export type ArbitrationAction = (typeof ARBITRATION_ACTIONS)[number];

/**
 * Recording service and defence papers keeps the status; so does the tribunal's acceptance of changed or increased
 * claims (办案规则 第四十四条), possible from acceptance until the case is decided or closed.
 */
const PAPERS = (s: ArbitrationStatus) => ({
  RECORD_SERVICE: s,
  RECORD_DEFENCE: s,
  RECORD_DEFENCE_SERVICE: s,
  ACCEPT_CLAIM_CHANGE: s,
  REMOVE_MEMBER: s,
});
/**
 * While the tribunal sits a party may ask a member to withdraw, orally or in writing, and the commission decides and
 * tells the parties (调解仲裁法 第三十三条: 回避); the commission replaces a member who is recused or can no longer act
 * and tells the parties the new composition (第三十二条: 仲裁庭组成情况书面通知当事人). The status stays.
 */
const SEATED = (s: ArbitrationStatus) => ({
  REPLACE_ARBITRATOR: s,
  RECORD_RECUSAL_APPLICATION: s,
  DECIDE_RECUSAL: s,
});
/**
 * The tribunal's interim rulings keep the status: 先行裁决 (调解仲裁法 第四十三条第二款), 先予执行 (第四十四条), and the
 * service of an award document issued earlier.
 */
const INTERIM = (s: ArbitrationStatus) => ({
  PARTIAL_AWARD: s,
  PROVISIONAL_EXECUTION: s,
  SERVE_AWARD: s,
});

/**
 * The arbitration proceeding. Acceptance is decided within 5 working days of the application (调解仲裁法 第二十九条,
 * 办案规则 第八十条), the award within 45 (+15) days of acceptance (第四十三条); a case also ends by mediation
 * (第四十二条), withdrawal (第四十一条 和解后撤回) or termination (办案规则 终止审理). A further hearing may be scheduled
 * while one is (adjournment). Awards and 调解书 closings also pass the gates below (ARBITRATION_GATES).
 */
export const ARBITRATION_TRANSITIONS: Readonly<
  Record<ArbitrationStatus, Readonly<Partial<Record<ArbitrationAction, ArbitrationStatus>>>>
> = {
  // A collective dispute's member leaves the case with their claims (办案规则 第三十五条: 撤回仲裁申请) while it is open.
  // 补正 (办案规则 第二十九条第四款): the commission tells the applicant once what to complete; the completed
  // application is received again (APPLIED). Meanwhile it may still refuse it (不予受理), not accept it.
  APPLIED: {
    ACCEPT: 'ACCEPTED',
    REJECT: 'NOT_ACCEPTED',
    REQUEST_CORRECTION: 'CORRECTION_REQUESTED',
    REMOVE_MEMBER: 'APPLIED',
  },
  CORRECTION_REQUESTED: {
    SUPPLY_CORRECTION: 'APPLIED',
    REJECT: 'NOT_ACCEPTED',
    REMOVE_MEMBER: 'CORRECTION_REQUESTED',
  },
  // Service of the application, the defence and its service (第三十条) are recorded while the case runs.
  ACCEPTED: { FORM_TRIBUNAL: 'TRIBUNAL_FORMED', CLOSE: 'CLOSED', ...PAPERS('ACCEPTED') },
  // A tribunal that decides on the papers (书面审理, recorded with its basis) may award without a hearing.
  TRIBUNAL_FORMED: {
    SCHEDULE_HEARING: 'HEARING_SCHEDULED',
    DECIDE_ON_PAPERS: 'TRIBUNAL_FORMED',
    ...PAPERS('TRIBUNAL_FORMED'),
    ...INTERIM('TRIBUNAL_FORMED'),
    ...SEATED('TRIBUNAL_FORMED'),
    AWARD: 'CLOSED',
    CLOSE: 'CLOSED',
  },
  // A party may ask, 3 working days before at the latest, to postpone a hearing (第三十五条).
  HEARING_SCHEDULED: {
    SCHEDULE_HEARING: 'HEARING_SCHEDULED',
    POSTPONE_HEARING: 'HEARING_SCHEDULED',
    RECORD_HEARING: 'HEARING_SCHEDULED',
    ...PAPERS('HEARING_SCHEDULED'),
    ...INTERIM('HEARING_SCHEDULED'),
    ...SEATED('HEARING_SCHEDULED'),
    AWARD: 'CLOSED',
    CLOSE: 'CLOSED',
  },
  NOT_ACCEPTED: {},
  // An award document issued without service is served after the case closed.
  CLOSED: { SERVE_AWARD: 'CLOSED' },
};

/**
 * The statuses in which a case is open — pending acceptance or under way: those the table above still leads out of.
 * CLOSED and NOT_ACCEPTED are over (an award served after closing stays CLOSED). The one list: an application beside
 * an open case (ARBITRATION_CASE_EXISTS), mediation beside it (ARBITRATION_IN_PROGRESS) and withdrawing the complaint
 * under it (PROCEEDING_OPEN) all ask ArbitrationService.openCaseOfComplaint, which reads it.
 */
export const ARBITRATION_OPEN_STATUSES = [
  'APPLIED',
  'CORRECTION_REQUESTED',
  'ACCEPTED',
  'TRIBUNAL_FORMED',
  'HEARING_SCHEDULED',
] as const satisfies readonly ArbitrationStatus[];

/** The case machine, for the versioned-transition helper (common/versioned-transition). */
export const ARBITRATION_MACHINE: StateMachine<ArbitrationStatus, ArbitrationAction> = {
  table: ARBITRATION_TRANSITIONS,
  actions: ARBITRATION_ACTIONS,
};

/** The status an action leads to, or null when the table does not allow it. */
export function nextStatus(from: ArbitrationStatus, action: ArbitrationAction): ArbitrationStatus | null {
  return ARBITRATION_TRANSITIONS[from][action] ?? null;
}

/** The actions allowed in a status (for the 409 details). */
export function allowedActions(from: ArbitrationStatus): ArbitrationAction[] {
  return allowedIn(ARBITRATION_MACHINE, from);
}

/** What the gates look at, read from the case, its hearings and its clocks. */
export interface GateFacts {
  /** A hearing of the case took place: its time has passed and its record (attendance, minutes) is entered. */
  hearingHeld: boolean;
  /** The tribunal recorded a decision to decide on the papers, with its basis. */
  decidedOnPapers: boolean;
  /** The defence was received, or the 10-working-day defence period after service has ended. */
  defenceDone: boolean;
}

export interface Gate {
  code: 'HEARING_NOT_HELD' | 'DEFENCE_PERIOD_RUNNING';
  citation: string;
  message: string;
  /** The actions that would satisfy the gate. */
  remedies: ArbitrationAction[];
  holds: (f: GateFacts) => boolean;
}

const HEARD: Gate = {
  code: 'HEARING_NOT_HELD',
  // 调解仲裁法 第三十五条、第三十七条至第四十条: the tribunal decides after a hearing (开庭审理), unless it records a
  // decision on the papers where the rules allow it (办案规则 第六十条: 简易处理 lets the tribunal set the 审理程序).
  citation: '调解仲裁法 第三十五条至第四十条 (开庭审理); 书面审理 only as recorded by the tribunal',
  message:
    'An award or a 调解书 needs a hearing that took place and was recorded, or a decision on the papers',
  remedies: ['SCHEDULE_HEARING', 'RECORD_HEARING', 'DECIDE_ON_PAPERS'],
  holds: (f) => f.hearingHeld || f.decidedOnPapers,
};

const DEFENCE_OVER: Gate = {
  code: 'DEFENCE_PERIOD_RUNNING',
  // 调解仲裁法 第三十条: the respondent answers within 10 (working) days of receiving the application copy.
  citation: '调解仲裁法 第三十条; 办案规则 (2017) 第八十条',
  message: 'Not before the defence was received or the defence period after service has ended',
  remedies: ['RECORD_SERVICE', 'RECORD_DEFENCE'],
  holds: (f) => f.defenceDone,
};

/** The procedural gates of the actions that end a case on the merits (an award; a closing by 调解书). */
export const ARBITRATION_GATES: Readonly<Record<'AWARD' | 'CLOSE_MEDIATED', readonly Gate[]>> = {
  AWARD: [HEARD, DEFENCE_OVER],
  CLOSE_MEDIATED: [HEARD, DEFENCE_OVER],
};

/**
 * The actions a 409 offers: those the status allows, less an award (AWARD) whose gates the facts do not pass — the
 * client is not sent to an act it would be refused (HEARING_NOT_HELD, DEFENCE_PERIOD_RUNNING).
 */
export function allowedGiven(from: ArbitrationStatus, facts: GateFacts): ArbitrationAction[] {
  return allowedActions(from).filter((a) => a !== 'AWARD' || unmetGate('AWARD', facts) === null);
}

/** The first gate of the action that the facts do not pass, or null. */
export function unmetGate(action: keyof typeof ARBITRATION_GATES, facts: GateFacts): Gate | null {
  return ARBITRATION_GATES[action].find((g) => !g.holds(facts)) ?? null;
}

/**
 * The tribunal's own acts, which an arbitrator performs only on a case whose tribunal they sit on: holding the
 * hearing (调解仲裁法 第三十五至三十八条), deciding on the papers, a 先行裁决 (第四十三条第二款), 先予执行 (第四十四条) and
 * the award (第四十五条: 按照多数仲裁员的意见作出). The commission's own acts (acceptance, the tribunal, scheduling,
 * service, closing) are any of its arbitrators'.
 */
export const TRIBUNAL_ACTS: ReadonlySet<ArbitrationAction> = new Set<ArbitrationAction>([
  'RECORD_HEARING',
  'DECIDE_ON_PAPERS',
  'PARTIAL_AWARD',
  'PROVISIONAL_EXECUTION',
  'AWARD',
]);

/**
 * Whether a staff member may perform `action` on a case with this tribunal: the tribunal's acts only an arbitrator
 * sitting on it (调解仲裁法 第三十一条: 仲裁庭 of 仲裁员; a supervisor of the bureau is none), the commission's acts any
 * arbitrator of the commission or a supervisor in scope.
 */
export function mayPerform(
  who: { role: string; userId: string },
  action: ArbitrationAction,
  tribunal: readonly string[],
): boolean {
  return !TRIBUNAL_ACTS.has(action) || sitsOnTribunal(who, tribunal);
}

/** Whether the staff member is an arbitrator of this tribunal (the 调解书, too, is the tribunal's: 第四十二条). */
export function sitsOnTribunal(who: { role: string; userId: string }, tribunal: readonly string[]): boolean {
  return who.role === 'ARBITRATOR' && tribunal.includes(who.userId);
}
