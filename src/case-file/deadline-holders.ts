import type { DeadlineRuleId } from '../calendar/deadline-rules';

/**
 * The worker's file names each statutory period by whose it is (audit: the employer's 答辩期限 and the commission's
 * 送达 period read, bare, as the worker's own "next deadline"). The rules' own names are the statute's, neutral
 * (GET /calendar/rules, staff views); this is the worker's reading. null: the rule's name already says whose — the
 * complaint's periods, the mediation period, the inspection acceptance (renamed by same-period.ts) and the suit window
 * (named by who may sue, party-windows.ts).
 */
export const WORKER_DEADLINE_NAMES: Readonly<Record<DeadlineRuleId, string | null>> = {
  // 调解仲裁法 第二十九条、第三十条、第三十二条: the commission's acts, the respondent's (employer's) answer.
  ARBITRATION_ACCEPTANCE: '仲裁委受理审查期限',
  // 办案规则 第二十九条第四款: the applicant's (the worker's) own period to complete the application.
  ARBITRATION_CORRECTION: '当事人（申请人）补正仲裁申请材料期限（平台规则）',
  ARBITRATION_SERVICE_TO_RESPONDENT: '仲裁委送达仲裁申请书副本期限',
  ARBITRATION_DEFENCE: '用人单位答辩期限',
  ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT: '仲裁委送达答辩书副本期限',
  ARBITRATION_TRIBUNAL_NOTICE: '仲裁委通知仲裁庭组成期限',
  ARBITRATION_HEARING_NOTICE: '仲裁委送达开庭通知期限',
  // 调解仲裁法 第三十五条: either party, the worker too, may ask to postpone.
  ARBITRATION_POSTPONEMENT_REQUEST: '当事人申请延期开庭期限',
  // 调解仲裁法 第三十三条: the commission decides on a party's recusal application.
  ARBITRATION_RECUSAL_DECISION: '仲裁委对回避申请作出决定期限',
  ARBITRATION_DECISION: '仲裁庭作出裁决期限',
  ARBITRATION_SUIT_WINDOW: null,
  // 调解仲裁法 第四十九条: only the employer may apply to set a final award aside.
  ARBITRATION_SET_ASIDE_WINDOW: '用人单位申请撤销终局裁决期限',
  COMPLAINT_CORRECTION: null,
  COMPLAINT_TAKE_UP: null,
  INSPECTION_ACCEPTANCE: null,
  INSPECTION_INVESTIGATION: '劳动保障监察机构调查期限',
  // 行政处罚法 (2021) 第六十四条: the employer's request for a hearing on its penalty.
  PENALTY_HEARING_REQUEST: '用人单位要求听证期限',
  MEDIATION: null,
};

/** `clock` with its rule named for the worker by whose it is (WORKER_DEADLINE_NAMES); unchanged where null. */
export function namedForWorker<C extends { rule: { id: string; name: { zh: string; en: string } } }>(
  clock: C,
): C {
  const zh = (WORKER_DEADLINE_NAMES as Readonly<Record<string, string | null>>)[clock.rule.id];
  return zh ? { ...clock, rule: { ...clock.rule, name: { ...clock.rule.name, zh } } } : clock;
}
