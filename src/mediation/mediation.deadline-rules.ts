import type { DeadlineRule, DeadlineRuleSet, LocalisedText } from '../calendar/deadline-rules';

/** The statutory periods of mediation, contributed to the deadline engine (assembled at src/deadline-rules.ts). */
export type MediationRuleId = 'MEDIATION';

declare module '../calendar/deadline-rules' {
  interface DeadlineRuleIds {
    mediation: MediationRuleId;
  }
}

export const MEDIATION_DEADLINE_RULES: Readonly<Record<MediationRuleId, DeadlineRule>> = {
  // Mediation: no agreement within 15 days of the application's receipt → a party may apply for arbitration.
  // Extended only when both parties agree (参照 企业劳动争议协商调解规定 第二十七条: mediation-period.rules.ts); the law sets no cap, the platform
  // allows one more period of 15 days (MEDIATION_MAX_EXTENSION_DAYS in mediation-period.rules.ts).
  MEDIATION: {
    id: 'MEDIATION',
    name: { zh: '调解期限', en: 'Mediation period' },
    unit: 'DAY',
    amount: 15,
    maxExtension: 15,
    rollForwardToWorkingDay: true,
    direction: 'AFTER',
    citation: '中华人民共和国劳动争议调解仲裁法 (2007) 第十四条第三款',
    // No 中止 in 第十四条; the extension only on both parties' agreement (POST /mediation/cases/:id/extension): a
    // paused or extended clock would keep the case OPEN, the worker unwarned and escalation shut. RESUME only lifts a
    // pause entered before this rule (none can be entered now).
    staffEvents: ['RESUME'],
  },
};

/** What starts each period, in words people use (GET /api/v1/calendar/rules). */
const START_EVENTS: Readonly<Record<MediationRuleId, LocalisedText>> = {
  MEDIATION: { zh: '调解组织收到调解申请之日', en: 'the mediation application is received' },
};

export const MEDIATION_RULE_SET: DeadlineRuleSet<MediationRuleId> = {
  rules: MEDIATION_DEADLINE_RULES,
  startEvents: START_EVENTS,
};
