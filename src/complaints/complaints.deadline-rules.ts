import type { DeadlineRule, DeadlineRuleSet, LocalisedText } from '../calendar/deadline-rules';

/** The periods of a complaint, contributed to the deadline engine (assembled at src/deadline-rules.ts). */
export type ComplaintsRuleId = 'COMPLAINT_CORRECTION' | 'COMPLAINT_TAKE_UP';

declare module '../calendar/deadline-rules' {
  interface DeadlineRuleIds {
    complaints: ComplaintsRuleId;
  }
}

export const COMPLAINTS_DEADLINE_RULES: Readonly<Record<ComplaintsRuleId, DeadlineRule>> = {
  // 补正: the complainant completes a complaint with no identifiable employer. The law sets no period: 10 working
  // days is a platform rule (see docs/legal-rules.md); a late completion is still taken. The period is the
  // complainant's (holder PARTY): run out, it LAPSED — no staff duty, no breach; the acceptance period stays paused.
  COMPLAINT_CORRECTION: {
    id: 'COMPLAINT_CORRECTION',
    name: { zh: '投诉补正期限（平台规则）', en: 'Completing a complaint (platform rule)' },
    unit: 'WORKDAY',
    amount: 10,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation:
      '关于实施《劳动保障监察条例》若干规定 第十八条第三款 (告知投诉人补正投诉材料; period: platform rule)',
    holder: 'PARTY',
  },
  // 承接: the body a complaint is routed to opens its case (立案, 受理) — without a clock a routed complaint no one
  // opened waited unseen. The law sets the bodies' own periods from receipt; 5 working days to open is a platform
  // rule (see docs/legal-rules.md). No pause or extension: the case opens, or the complaint is withdrawn.
  COMPLAINT_TAKE_UP: {
    id: 'COMPLAINT_TAKE_UP',
    name: { zh: '分派后立案期限（平台规则）', en: 'Opening the case of a routed complaint (platform rule)' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation:
      '关于实施《劳动保障监察条例》若干规定 第十七条 (受理之日立案); 劳动争议调解仲裁法 第十四条第三款, 第二十九条 (period: platform rule)',
    staffEvents: [],
  },
};

/**
 * 补正 (若干规定 第十八条第三款): why the acceptance period (INSPECTION_ACCEPTANCE) pauses while the complainant
 * completes the complaint — nothing is decided, so it is neither met nor late — and why it restarts, 5 working days
 * from the day the completed complaint is received (第十八条第一款: 接到投诉之日起5个工作日内).
 */
export const CORRECTION_PAUSE_REASON = '等待投诉人补正投诉材料（若干规定 第十八条第三款）';
export const CORRECTION_RESTART_REASON =
  '收到补正后的投诉，受理期限重新计算（若干规定 第十八条第一款、第三款）';

/**
 * A 补正 received after the correction period ended is still taken (the law sets no period: 10 working days is a
 * platform rule) and the acceptance period restarts from it (若干规定 第十八条第一款、第三款); the restart says it was late.
 */
export function correctionRestartReason(correctionDueOn: string | null, receivedOn: string): string {
  return correctionDueOn !== null && receivedOn > correctionDueOn
    ? `逾期补正：补正期限于${correctionDueOn}届满，${receivedOn}收到补正后的投诉，受理期限重新计算（若干规定 第十八条第一款、第三款）`
    : CORRECTION_RESTART_REASON;
}

/** What starts each period, in words people use (GET /api/v1/calendar/rules). */
const START_EVENTS: Readonly<Record<ComplaintsRuleId, LocalisedText>> = {
  COMPLAINT_CORRECTION: {
    zh: '告知投诉人补正投诉材料之日',
    en: 'the complainant is asked to complete the complaint',
  },
  COMPLAINT_TAKE_UP: {
    zh: '投诉分派至调解组织、仲裁委员会或劳动保障监察机构之日',
    en: 'the complaint is routed to a mediation committee, the arbitration commission or an inspection brigade',
  },
};

export const COMPLAINTS_RULE_SET: DeadlineRuleSet<ComplaintsRuleId> = {
  rules: COMPLAINTS_DEADLINE_RULES,
  startEvents: START_EVENTS,
};
