import { allowedIn, type StateMachine } from '../common/versioned-transition';
import type { InspectionStatus } from './inspection.constants';

export const INSPECTION_ACTIONS = [
  'ACCEPT',
  'REFUSE',
  'EXTEND',
  'RECORD_FINDINGS',
  'INQUIRY_NOTICE',
  'ORDER_RECTIFY',
  'RECORD_ORDER_REFUSED',
  'RECORD_RECOVERY',
  'NOTICE_PENALTY',
  'RECORD_RESPONSE',
  'DECIDE_PENALTY',
  'TRANSFER',
  'CLOSE',
  'NOTICE_HANDLING',
  'DECIDE_HANDLING',
  'REWARD_REPORT',
] as const;
export type InspectionAction = (typeof INSPECTION_ACTIONS)[number];

/** Steps that keep the status while the investigation runs (extension, findings, recovery, refusal of an order). */
const ONGOING = (s: InspectionStatus) => ({
  EXTEND: s,
  RECORD_FINDINGS: s,
  RECORD_RECOVERY: s,
});
/**
 * 行政处理 after an order (监察条例 第十八条第一款第（二）项): the notice, the employer's statement (第十九条: heard before
 * the decision, as before a penalty) and the decision — with 加付赔偿金 after an ignored order to pay (第二十六条) —
 * keep the status.
 */
const HANDLING = (s: InspectionStatus) => ({
  NOTICE_HANDLING: s,
  RECORD_RESPONSE: s,
  DECIDE_HANDLING: s,
});

/**
 * The labor-security inspection case. A 投诉 is accepted within 5 working days and the case opened (立案) the same
 * day, or refused in writing with the reason (若干规定 第十八条); the investigation ends within 60 working days
 * (+30 with approval, 劳动保障监察条例 第十七条) by an order to rectify, a penalty (after the advance notice and the
 * employer's statement, 行政处罚法 第四十四、四十五条), a transfer to public security (行政执法机关移送涉嫌犯罪案件的规定)
 * or a closure without violation / revocation (监察条例 第十八条).
 */
export const INSPECTION_TRANSITIONS: Readonly<
  Record<InspectionStatus, Readonly<Partial<Record<InspectionAction, InspectionStatus>>>>
> = {
  RECEIVED: { ACCEPT: 'INVESTIGATING', REFUSE: 'REFUSED' },
  REFUSED: {},
  INVESTIGATING: {
    ...ONGOING('INVESTIGATING'),
    INQUIRY_NOTICE: 'INVESTIGATING',
    ORDER_RECTIFY: 'RECTIFICATION_ORDERED',
    NOTICE_PENALTY: 'PENALTY_NOTICED',
    CLOSE: 'CLOSED',
  },
  RECTIFICATION_ORDERED: {
    ...ONGOING('RECTIFICATION_ORDERED'),
    INQUIRY_NOTICE: 'RECTIFICATION_ORDERED',
    // A further order (e.g. a new deadline) keeps the status.
    ORDER_RECTIFY: 'RECTIFICATION_ORDERED',
    RECORD_ORDER_REFUSED: 'RECTIFICATION_ORDERED',
    ...HANDLING('RECTIFICATION_ORDERED'),
    NOTICE_PENALTY: 'PENALTY_NOTICED',
    TRANSFER: 'CLOSED',
    CLOSE: 'CLOSED',
  },
  PENALTY_NOTICED: {
    ...ONGOING('PENALTY_NOTICED'),
    RECORD_ORDER_REFUSED: 'PENALTY_NOTICED',
    ...HANDLING('PENALTY_NOTICED'),
    DECIDE_PENALTY: 'PENALTY_DECIDED',
    TRANSFER: 'CLOSED',
    CLOSE: 'CLOSED',
  },
  PENALTY_DECIDED: {
    ...ONGOING('PENALTY_DECIDED'),
    // 行政处罚法 第二十八条: the penalty comes with an order to correct the violation.
    ORDER_RECTIFY: 'PENALTY_DECIDED',
    RECORD_ORDER_REFUSED: 'PENALTY_DECIDED',
    ...HANDLING('PENALTY_DECIDED'),
    TRANSFER: 'CLOSED',
    CLOSE: 'CLOSED',
  },
  // A report is rewarded once the case is concluded (查处: 监察条例 第九条), if the rule allows (举报属实, 重大).
  CLOSED: { REWARD_REPORT: 'CLOSED' },
};

/** Which closure types each status allows (TRANSFERRED only through TRANSFER). */
export const CLOSURES_BY_STATUS: Readonly<Partial<Record<InspectionStatus, readonly string[]>>> = {
  INVESTIGATING: ['NO_VIOLATION', 'REVOKED', 'MERGED'],
  RECTIFICATION_ORDERED: ['RECTIFIED', 'REVOKED', 'MERGED'],
  PENALTY_NOTICED: ['REVOKED', 'MERGED'],
  PENALTY_DECIDED: ['PENALISED', 'RECTIFIED', 'MERGED'],
};

/** The case machine, for the versioned-transition helper (common/versioned-transition). */
export const INSPECTION_MACHINE: StateMachine<InspectionStatus, InspectionAction> = {
  table: INSPECTION_TRANSITIONS,
  actions: INSPECTION_ACTIONS,
};

/** The status an action leads to, or null when the table does not allow it. */
export function nextStatus(from: InspectionStatus, action: InspectionAction): InspectionStatus | null {
  return INSPECTION_TRANSITIONS[from][action] ?? null;
}

/** The actions allowed in a status (for the 409 details). */
export function allowedActions(from: InspectionStatus): InspectionAction[] {
  return allowedIn(INSPECTION_MACHINE, from);
}

/** Whether a case in `from` may be closed with `closureType`. */
export function closureAllowed(from: InspectionStatus, closureType: string): boolean {
  return CLOSURES_BY_STATUS[from]?.includes(closureType) ?? false;
}
