import type { DeadlineRule, DeadlineRuleSet, LocalisedText } from '../calendar/deadline-rules';

/** The periods of a complaint, contributed to the deadline engine (assembled at src/deadline-rules.ts). */
export type ComplaintsRuleId = 'COMPLAINT_CORRECTION';

declare module '../calendar/deadline-rules' {
  interface DeadlineRuleIds {
    complaints: ComplaintsRuleId;
  }
}

export const COMPLAINTS_DEADLINE_RULES: Readonly<Record<ComplaintsRuleId, DeadlineRule>> = {
  // 补正: the complainant completes a complaint with no identifiable employer. The law sets no period: 10 working
  // days is a platform rule (see docs/legal-rules.md); a late completion is still taken.
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
  },
};

/** What starts each period, in words people use (GET /api/v1/calendar/rules). */
const START_EVENTS: Readonly<Record<ComplaintsRuleId, LocalisedText>> = {
  COMPLAINT_CORRECTION: {
    zh: '告知投诉人补正投诉材料之日',
    en: 'the complainant is asked to complete the complaint',
  },
};

export const COMPLAINTS_RULE_SET: DeadlineRuleSet<ComplaintsRuleId> = {
  rules: COMPLAINTS_DEADLINE_RULES,
  startEvents: START_EVENTS,
};
