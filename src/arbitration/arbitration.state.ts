import type { ArbitrationStatus } from './arbitration.constants';

export const ARBITRATION_ACTIONS = [
  'ACCEPT',
  'REJECT',
  'FORM_TRIBUNAL',
  'SCHEDULE_HEARING',
  'POSTPONE_HEARING',
  'RECORD_SERVICE',
  'RECORD_DEFENCE',
  'RECORD_DEFENCE_SERVICE',
  'AWARD',
  'CLOSE',
] as const;
export type ArbitrationAction = (typeof ARBITRATION_ACTIONS)[number];

/**
 * The arbitration proceeding. Acceptance is decided within 5 days of the application (调解仲裁法 第二十九条), the award
 * within 45 (+15) days of acceptance (第四十三条); a case also ends by mediation (第四十二条), withdrawal (第四十一条 和解后撤回)
 * or termination (办案规则 终止审理). A further hearing may be scheduled while one is (adjournment).
 */
/** Recording service and defence papers keeps the status. */
const PAPERS = (s: ArbitrationStatus) => ({
  RECORD_SERVICE: s,
  RECORD_DEFENCE: s,
  RECORD_DEFENCE_SERVICE: s,
});

export const ARBITRATION_TRANSITIONS: Readonly<
  Record<ArbitrationStatus, Readonly<Partial<Record<ArbitrationAction, ArbitrationStatus>>>>
> = {
  APPLIED: { ACCEPT: 'ACCEPTED', REJECT: 'NOT_ACCEPTED' },
  // Service of the application, the defence and its service (第三十条) are recorded while the case runs.
  ACCEPTED: { FORM_TRIBUNAL: 'TRIBUNAL_FORMED', CLOSE: 'CLOSED', ...PAPERS('ACCEPTED') },
  TRIBUNAL_FORMED: { SCHEDULE_HEARING: 'HEARING_SCHEDULED', CLOSE: 'CLOSED', ...PAPERS('TRIBUNAL_FORMED') },
  // A party may ask, 3 days before at the latest, to postpone a hearing (第三十五条).
  HEARING_SCHEDULED: {
    SCHEDULE_HEARING: 'HEARING_SCHEDULED',
    POSTPONE_HEARING: 'HEARING_SCHEDULED',
    ...PAPERS('HEARING_SCHEDULED'),
    AWARD: 'CLOSED',
    CLOSE: 'CLOSED',
  },
  NOT_ACCEPTED: {},
  CLOSED: {},
};

/** The status an action leads to, or null when the table does not allow it. */
export function nextStatus(from: ArbitrationStatus, action: ArbitrationAction): ArbitrationStatus | null {
  return ARBITRATION_TRANSITIONS[from][action] ?? null;
}

/** The actions allowed in a status (for the 409 details). */
export function allowedActions(from: ArbitrationStatus): ArbitrationAction[] {
  return ARBITRATION_ACTIONS.filter((a) => ARBITRATION_TRANSITIONS[from][a] !== undefined);
}
