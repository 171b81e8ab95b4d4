import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of labor-dispute arbitration (劳动争议仲裁): HTTP status and zh-CN / English message. */
export const ARBITRATION_ERRORS = {
  ARBITRATION_CASE_NOT_FOUND: { status: 404, zh: '仲裁案件不存在', en: 'No such arbitration case' },
  ARBITRATION_CASE_EXISTS: {
    status: 409,
    zh: '该投诉（或其集体争议）已有未结的仲裁案件',
    en: 'The complaint (or its collective dispute) already has an open arbitration case',
  },
  ARBITRATION_DISPUTE_DECIDED: {
    status: 409,
    zh: '该争议已有生效的仲裁裁决或调解书，不再受理同一争议的仲裁申请（一事不再理）',
    en: 'The dispute was ended by an award or a mediation statement: no new arbitration application for it',
  },
  MEDIATION_ALREADY_ESCALATED: {
    status: 409,
    zh: '该调解案件已转为仲裁申请；如需重新申请，请补正后直接提交仲裁申请',
    en: 'This mediation was escalated already; a corrected application is filed directly',
  },
  COMPLAINT_NOT_ROUTED_TO_ARBITRATION: {
    status: 409,
    zh: '只有分流至仲裁的投诉才能立为仲裁案件',
    en: 'Only a complaint routed to arbitration can become an arbitration case',
  },
  ARBITRATOR_OUTSIDE_COMMISSION: {
    status: 400,
    zh: '仲裁庭成员须为本案仲裁委员会的仲裁员；可指定的仲裁员见 GET /api/v1/staff/colleagues（details.colleagues）',
    en: 'A tribunal member must be an arbitrator of the case’s commission; the arbitrators you may name: GET /api/v1/staff/colleagues (details.colleagues)',
  },
  AWARD_NOT_FOUND: { status: 404, zh: '本案没有该裁决书', en: 'No such award document of this case' },
  AWARD_ALREADY_SERVED: { status: 409, zh: '裁决书已送达', en: 'The award document was already served' },
  AWARD_EXCEEDS_CLAIM: {
    status: 400,
    zh: '裁决金额超过请求金额须说明理由',
    en: 'Awarding more than claimed needs a reason',
  },
  MEDIATED_EXCEEDS_CLAIM: {
    status: 400,
    zh: '调解金额超过请求金额',
    en: 'An agreed amount is above the claim',
  },
  DOUBLE_BOOKING: {
    status: 409,
    zh: '仲裁庭或仲裁员在重叠时段已有安排',
    en: 'The room or an arbitrator is booked in an overlapping slot',
  },
  HEARING_NOT_FOUND: { status: 404, zh: '本案没有该庭审', en: 'No such hearing of this case' },
  HEARING_ALREADY_RECORDED: {
    status: 409,
    zh: '该次庭审笔录已登记',
    en: 'The record of this hearing is entered',
  },
  HEARING_NOT_YET_HELD: {
    status: 409,
    zh: '庭审举行后方可登记',
    en: 'A hearing is recorded once it has taken place',
  },
  HEARING_NOTICE_TOO_SHORT: {
    status: 400,
    zh: '开庭通知须在开庭 5 个工作日前送达当事人（调解仲裁法 第三十五条）',
    en: 'The parties must be notified at least 5 working days before the hearing (调解仲裁法 第三十五条)',
  },
  HEARING_OUTSIDE_HOURS: {
    status: 400,
    zh: '开庭时间在工作日或办公时间之外：如确需安排，请填写 override.reason',
    en: 'The hearing is on a rest day or outside the commission’s hours: give override.reason to schedule it anyway',
  },
  HEARING_BEFORE_SERVICE: {
    status: 409,
    zh: '尚未登记向被申请人送达仲裁申请书副本，不能安排开庭（调解仲裁法 第三十条）',
    en: 'The application copy has not been recorded as served on the respondent: no hearing can be set yet (调解仲裁法 第三十条)',
  },
  HEARING_BEFORE_ANSWER_PERIOD: {
    status: 409,
    zh: '开庭日期须在被申请人答辩期届满之后，除非已收到答辩书（调解仲裁法 第三十条）',
    en: 'The hearing must fall after the respondent’s answer period ends, unless the defence was received (调解仲裁法 第三十条)',
  },
  HEARING_AFTER_DECISION_DEADLINE: {
    status: 409,
    zh: '开庭日期晚于仲裁审理期限：案件须在受理之日起四十五日内（经批准延期的，再延长不超过十五日）结束（调解仲裁法 第四十三条）',
    en: 'The hearing is after the decision deadline: the case ends within 45 days of acceptance, at most 15 more if extended (调解仲裁法 第四十三条)',
  },
  HEARING_NOT_HELD: {
    status: 409,
    zh: '作出裁决或调解书前须已开庭并记录，或决定书面审理',
    en: 'An award or a 调解书 needs a hearing that took place and was recorded, or a decision on the papers',
  },
  DEFENCE_PERIOD_RUNNING: {
    status: 409,
    zh: '答辩书尚未收到，且送达后的答辩期尚未届满',
    en: 'Not before the defence was received or the defence period after service has ended',
  },
  POSTPONEMENT_REQUEST_TOO_LATE: {
    status: 400,
    zh: '延期开庭须在开庭 3 个工作日前提出（调解仲裁法 第三十五条）',
    en: 'A postponement must be requested at least 3 working days before the hearing (调解仲裁法 第三十五条)',
  },
  RECUSAL_NOT_FOUND: {
    status: 404,
    zh: '本案没有该回避申请',
    en: 'No such recusal application of this case',
  },
  RECUSAL_ALREADY_DECIDED: {
    status: 409,
    zh: '该回避申请已作出决定',
    en: 'The recusal application was decided already',
  },
  PAPERS_DECISION_NOT_ALLOWED: {
    status: 409,
    zh: '只有独任仲裁员简易处理的案件可以书面审理',
    en: 'Only a case handled simply by a sole arbitrator may be decided on the papers',
  },
  PAPER_NOT_EXPECTED: {
    status: 409,
    zh: '没有正在计算的相应期间：请按顺序、逐次登记各步骤',
    en: 'No such period is running: record the steps in order, once each',
  },
  CLAIM_CHANGE_WHILE_SUSPENDED: {
    status: 409,
    zh: '仲裁审理已中止：恢复审理后再受理增加、变更的仲裁请求（办案规则 第四十六条）',
    en: 'The proceeding is suspended (中止): resume it before accepting changed claims (办案规则 第四十六条)',
  },
  AWARD_PERIOD_RESTART_WHILE_SUSPENDED: {
    status: 409,
    zh: '仲裁审理已中止：须先恢复审理，再重新计算仲裁期限；增加、变更仲裁请求请通过受理变更请求办理（办案规则 第四十六条）',
    en: 'The award period is suspended (中止): resume it before it is counted again; a change of claims goes through its own endpoint (办案规则 第四十六条)',
  },
  CLAIM_ALREADY_DECIDED: {
    status: 409,
    zh: '该仲裁请求已由先行裁决作出裁决，不能变更（调解仲裁法 第四十三条第二款）',
    en: 'The claim was decided by a partial award and cannot change (调解仲裁法 第四十三条第二款)',
  },
  PROVISIONAL_EXECUTION_NOT_ALLOWED: {
    status: 400,
    zh: '不符合先予执行的条件（调解仲裁法 第四十四条）',
    en: 'The conditions of 先予执行 are not met (调解仲裁法 第四十四条)',
  },
  PROVISIONAL_EXECUTION_EXCEEDS_CLAIM: {
    status: 409,
    zh: '先予执行的累计金额不得超过所涉请求的请求金额（调解仲裁法 第四十四条）',
    en: 'Provisional execution may not order more in total than was claimed on those claims (调解仲裁法 第四十四条)',
  },
  SIMPLIFIED_PROCEDURE_EXCLUDED: {
    status: 409,
    zh: '本案不适用简易处理，须由三名仲裁员组成仲裁庭（办案规则 第五十七条）',
    en: 'The case may not be handled simply (办案规则 第五十七条): it needs three arbitrators',
  },
  SOLE_ARBITRATOR_NOT_ELIGIBLE: {
    status: 400,
    zh: '独任仲裁须事实清楚、金额不超过当地年平均工资，或经双方同意',
    en: 'A sole arbitrator needs clear facts, an amount within the average annual wage, or both parties’ consent',
  },
  NOT_ON_TRIBUNAL: {
    status: 403,
    zh: '只有本案仲裁庭的仲裁员可以进行此项（开庭、书面审理、先行裁决、先予执行、裁决、调解书）',
    en: "Only an arbitrator of the case's tribunal may do this (hearing, decision on the papers, partial award, provisional execution, award, 调解书)",
  },
  // 办案规则 第二十九条第四款: 一次性告知申请人需要补正的全部材料 — once.
  ARBITRATION_CORRECTION_ALREADY_REQUESTED: {
    status: 409,
    zh: '已一次性告知申请人需要补正的全部材料，不能再次要求补正',
    en: 'The applicant was already told, once, everything to complete: no second request',
  },
  // 办案规则 第二十九条第四款: 当场或者在五日内 — within the acceptance period of the application received.
  ARBITRATION_CORRECTION_TOO_LATE: {
    status: 409,
    zh: '补正须在收到仲裁申请之日起5个工作日内一次性告知；受理审查期限已过，请决定是否受理',
    en: 'A 补正 is asked within 5 working days of receiving the application; the acceptance period has passed: decide on acceptance',
  },
  MINIMUM_WAGE_UNKNOWN: {
    status: 409,
    zh: '没有申请日适用的最低工资标准',
    en: 'No minimum wage is recorded for the application date',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    arbitration: typeof ARBITRATION_ERRORS;
  }
}
