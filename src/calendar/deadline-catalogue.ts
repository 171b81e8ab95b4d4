import { DEADLINE_RULES, type DeadlineRule, type DeadlineRuleId } from './deadline-rules';

/**
 * What starts each statutory period, in words people use: the catalogue behind GET /api/v1/calendar/rules. Typed by
 * DeadlineRuleId, so a rule added to DEADLINE_RULES without its start event does not compile.
 */
export const RULE_START_EVENTS: Readonly<Record<DeadlineRuleId, { zh: string; en: string }>> = {
  MEDIATION: { zh: '调解组织收到调解申请之日', en: 'the mediation application is received' },
  ARBITRATION_ACCEPTANCE: { zh: '仲裁委员会收到仲裁申请之日', en: 'the arbitration application is received' },
  ARBITRATION_SERVICE_TO_RESPONDENT: { zh: '仲裁委员会受理仲裁申请之日', en: 'the application is accepted' },
  ARBITRATION_DEFENCE: {
    zh: '被申请人收到仲裁申请书副本之日',
    en: 'the respondent receives the application',
  },
  ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT: {
    zh: '仲裁委员会收到答辩书之日',
    en: 'the commission receives the defence',
  },
  ARBITRATION_TRIBUNAL_NOTICE: { zh: '仲裁委员会受理仲裁申请之日', en: 'the application is accepted' },
  ARBITRATION_HEARING_NOTICE: {
    zh: '开庭日期（向前倒算：最迟送达开庭通知之日）',
    en: 'the hearing date (counted backwards: the last day to serve the notice)',
  },
  ARBITRATION_POSTPONEMENT_REQUEST: {
    zh: '开庭日期（向前倒算：最迟提出延期开庭申请之日）',
    en: 'the hearing date (counted backwards: the last day to ask for a postponement)',
  },
  ARBITRATION_DECISION: { zh: '仲裁委员会受理仲裁申请之日', en: 'the application is accepted' },
  INSPECTION_ACCEPTANCE: { zh: '劳动保障行政部门接到投诉之日', en: 'the complaint is received' },
  INSPECTION_INVESTIGATION: { zh: '立案之日', en: 'the case is opened (立案)' },
  COMPLAINT_CORRECTION: {
    zh: '告知投诉人补正投诉材料之日',
    en: 'the complainant is asked to complete the complaint',
  },
  ARBITRATION_SUIT_WINDOW: { zh: '当事人收到仲裁裁决书之日', en: 'the party is served the award' },
  ARBITRATION_SET_ASIDE_WINDOW: {
    zh: '用人单位收到终局裁决书之日',
    en: 'the employer is served the final award',
  },
  PENALTY_HEARING_REQUEST: {
    zh: '行政机关告知拟作出的行政处罚之日',
    en: 'the party is told of the proposed penalty',
  },
};

export interface RuleCatalogueEntry {
  id: DeadlineRuleId;
  name: { zh: string; en: string };
  amount: number;
  unit: DeadlineRule['unit'];
  maxExtension: number;
  direction: DeadlineRule['direction'];
  startEvent: { zh: string; en: string };
  basis: string;
}

/** Every statutory period rule, in the order of DEADLINE_RULES. */
export function ruleCatalogue(): RuleCatalogueEntry[] {
  return Object.values(DEADLINE_RULES).map((r) => ({
    id: r.id as DeadlineRuleId,
    name: r.name,
    amount: r.amount,
    unit: r.unit,
    maxExtension: r.maxExtension,
    direction: r.direction,
    startEvent: RULE_START_EVENTS[r.id as DeadlineRuleId],
    basis: r.citation,
  }));
}

export function isDeadlineRuleId(id: string): id is DeadlineRuleId {
  return Object.prototype.hasOwnProperty.call(DEADLINE_RULES, id);
}
