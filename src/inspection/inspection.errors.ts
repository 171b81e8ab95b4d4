import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of labor-security inspection (劳动保障监察): HTTP status and zh-CN / English message. */
export const INSPECTION_ERRORS = {
  INSPECTION_CASE_NOT_FOUND: { status: 404, zh: '监察案件不存在', en: 'No such inspection case' },
  MERGE_TARGET_NOT_FOUND: {
    status: 404,
    zh: '要并入的监察案件不存在或不在您的管辖范围内',
    en: 'No such inspection case to merge into in your jurisdiction',
  },
  MERGE_TARGET_NOT_OPEN: {
    status: 409,
    zh: '只能并入已立案且尚未结案的监察案件',
    en: 'A case is merged only into one under investigation (立案, not closed)',
  },
  MERGE_TARGET_OTHER_EMPLOYER: {
    status: 409,
    zh: '只能并入同一用人单位的监察案件',
    en: 'A case is merged only into a case about the same employer',
  },
  MERGE_TARGET_OTHER_BRIGADE: {
    status: 409,
    zh: '只能并入同一监察机构办理的案件',
    en: 'A case is merged only into a case of the same brigade',
  },
  INSPECTOR_CONFLICT: {
    status: 403,
    zh: '您已声明与该用人单位存在利害关系，应当回避（劳动保障监察条例 第十六条），不能办理其监察案件',
    en: 'You declared a conflict with this employer and must withdraw (监察条例 第十六条): you take no act in its cases',
  },
  INSPECTION_CASE_EXISTS: {
    status: 409,
    zh: '该投诉已有监察案件',
    en: 'The complaint already has an inspection case',
  },
  COMPLAINT_NOT_ROUTED_TO_INSPECTION: {
    status: 409,
    zh: '只有分流至劳动保障监察的投诉才能立为监察案件',
    en: 'Only a complaint routed to inspection can become an inspection case',
  },
  EMPLOYER_ON_RECORD: {
    status: 409,
    zh: '本案已有被投诉用人单位，不能以没有明确的被投诉用人单位为由不予立案；用人单位信息不全的，可立案后在调查中核实',
    en: 'An employer is on record: the case is not refused for want of one; accept it and establish the employer’s details in the investigation',
  },
  INSPECTION_DOCUMENT_NOT_FOUND: { status: 404, zh: '本案没有该文书', en: 'No such document of this case' },
  INSPECTION_PLAN_NOT_FOUND: { status: 404, zh: '检查计划不存在', en: 'No such inspection plan' },
  PLAN_ITEM_NOT_FOUND: { status: 404, zh: '该计划中没有此检查对象', en: 'No such item in this plan' },
  PLAN_EXCEEDS_MATCHES: {
    status: 400,
    zh: '抽取数量超过可抽取的用人单位数量（须符合筛选条件且有足够的无回避事由的监察员），详见 details',
    en: 'More employers requested than can be drawn (matching the filters, with enough inspectors free of conflicts; see details)',
  },
  INSPECTOR_NOT_FOUND: {
    status: 404,
    zh: '您的管辖范围内没有该监察员',
    en: 'No such inspector in your jurisdiction',
  },
  TOO_FEW_INSPECTORS: {
    status: 400,
    zh: '调查检查须由两名以上监察员进行（劳动保障监察条例 第十六条）；可指定的监察员见 GET /api/v1/staff/colleagues（details.colleagues）',
    en: 'At least two inspectors are needed (劳动保障监察条例 第十六条); the inspectors you may name: GET /api/v1/staff/colleagues (details.colleagues)',
  },
  NOT_ASSIGNED: {
    status: 403,
    zh: '只有指派的监察员可以登记此结果',
    en: 'Only the assigned inspectors record this result',
  },
  NOT_YOUR_CONFLICT: {
    status: 403,
    zh: '监察员只能申报本人的回避事由',
    en: 'An inspector declares only their own conflicts',
  },
  CONFLICT_ALREADY_DECLARED: {
    status: 409,
    zh: '该回避事由已登记',
    en: 'This conflict is already on record',
  },
  RESULT_ALREADY_RECORDED: {
    status: 409,
    zh: '该检查结果已登记',
    en: 'The result of this check is already recorded',
  },
  ALREADY_EXTENDED: {
    status: 409,
    zh: '调查期限已延长过一次',
    en: 'The investigation period was already extended once',
  },
  NO_RUNNING_INVESTIGATION: { status: 409, zh: '没有正在计算的调查期限', en: 'No investigation period runs' },
  CLOSURE_NOT_ALLOWED: {
    status: 409,
    zh: '当前状态不能以此方式结案',
    en: 'The case cannot close this way in its current status',
  },
  EMPLOYER_NOT_HEARD: {
    status: 409,
    zh: '须先告知用人单位拟作出的决定并听取其陈述申辩（劳动保障监察条例 第十九条）',
    en: 'The employer must be told the proposed decision and heard first (劳动保障监察条例 第十九条)',
  },
  STATEMENT_PERIOD_RUNNING: {
    status: 409,
    zh: '当事人陈述申辩期限尚未届满，请于告知书所载期限后再作决定',
    en: 'The employer may still state its case: decide after the period in the notice',
  },
  HEARING_REQUEST_PERIOD_RUNNING: {
    status: 409,
    zh: '当事人要求听证的期限尚未届满，请于期限届满后再作决定',
    en: 'The employer may still ask for a hearing: decide after the period in the notice',
  },
  PENALTY_HEARING_NOT_HELD: {
    status: 409,
    zh: '当事人已依法要求听证，须先组织听证并登记听证情况',
    en: 'The employer asked for a hearing in time: hold it and record it first',
  },
  NO_HEARING_REQUESTED: {
    status: 409,
    zh: '当事人未在期限内要求听证，无需登记听证',
    en: 'No hearing was asked for in time on this notice',
  },
  PENALTY_ABOVE_NOTICE: {
    status: 409,
    zh: '处罚决定不得重于告知书所拟处罚；拟加重的，须重新告知',
    en: 'A heavier fine than the notice proposed needs a new notice',
  },
  ORDER_DEADLINE_NOT_PASSED: {
    status: 409,
    zh: '责令改正（支付）的期限尚未届满，届满后仍未履行的方可登记拒不改正',
    en: 'The order is not refused before its deadline has passed',
  },
  ORDER_COMPLIED: {
    status: 409,
    zh: '用人单位已在责令支付的期限内足额支付，不能登记拒不支付',
    en: 'The wages were paid in full within the order’s period: there is no refusal to record',
  },
  PENALTY_BEFORE_COMPLIANCE_DUE: {
    status: 409,
    zh: '以责令改正逾期未改正（劳动保障监察条例 第三十条第一款第（三）项）为由的罚款，须待责令改正期限届满后方可告知',
    en: 'A fine for an order not complied with waits until its deadline has passed (监察条例 第三十条第一款第（三）项)',
  },
  RECOVERY_EXCEEDS_FINDINGS: {
    status: 409,
    zh: '追发的工资累计不得超过查明的拖欠金额，涉及人数不得超过查明的劳动者人数；查明更多的，请先登记调查结果',
    en: 'The wages recovered would exceed the arrears found, or the workers paid the workers affected: record the findings first',
  },
  FINDINGS_BELOW_RECOVERED: {
    status: 409,
    zh: '查明的拖欠金额和劳动者人数不得少于已追发的金额和人数',
    en: 'The findings cannot be less than the wages and workers already recovered',
  },
  NO_NOTICE_TO_ANSWER: { status: 409, zh: '没有需要答复的告知书', en: 'No notice was issued to answer' },
  NO_ORDER_TO_REFUSE: {
    status: 409,
    zh: '此日期前未下达责令改正',
    en: 'No order to rectify was issued before this date',
  },
  ORDER_TO_PAY_NOT_IGNORED: {
    status: 409,
    zh: '责令支付后逾期不支付的，方可责令加付赔偿金（劳动保障监察条例 第二十六条）',
    en: '加付赔偿金 only after an order to pay was not complied with (劳动保障监察条例 第二十六条)',
  },
  ARREARS_OUTSTANDING: {
    status: 409,
    zh: '工资仍未支付，责令改正未履行',
    en: 'Wages are still unpaid: the order is not complied with',
  },
  TRANSFER_CONDITIONS_NOT_MET: {
    status: 409,
    zh: '移送须拖欠工资达到立案标准且拒不支付',
    en: 'A transfer needs unpaid wages meeting the threshold and a refused order to pay',
  },
  THRESHOLD_HISTORY_IMMUTABLE: {
    status: 409,
    zh: '新标准的生效日须晚于该省最近一次标准',
    en: 'A new figure must take effect after the latest one of the province',
  },
  ALREADY_REWARDED: { status: 409, zh: '该举报已奖励', en: 'The report was already rewarded' },
  NOT_A_REPORT: {
    status: 409,
    zh: '举报奖励只适用于举报（投诉没有奖励）',
    en: 'A reward is for a report (举报) only',
  },
  CASE_NOT_CONCLUDED: {
    status: 409,
    zh: '举报奖励在案件查处终结（结案）后决定',
    en: 'A report is rewarded once its case is concluded (closed)',
  },
  VIOLATION_NOT_MAJOR: {
    status: 409,
    zh: '举报奖励只适用于重大违法行为：结案时未认定为重大的，须注明属于《重大劳动保障违法行为社会公布办法》第五条哪一项',
    en: 'A reward is for a major violation: unless the closing recorded it as major, name the ground of 人社部令第29号 第五条',
  },
  REPORT_NOT_SUBSTANTIATED: {
    status: 409,
    zh: '举报奖励只适用于查证属实的举报（劳动保障监察条例 第九条）',
    en: 'A reward is for a substantiated report only (劳动保障监察条例 第九条)',
  },
  EMPLOYER_NAME_UNCONFIRMED: {
    status: 409,
    zh: '用人单位名称尚未核实（系投诉人、举报人填写的暂定名称）：请先核对营业执照（统一社会信用代码）并确认名称，再制发以该单位为对象的文书',
    en: "The employer's name is provisional (as a complainant or reporter typed it): verify it against the business licence and confirm it before issuing a document naming the employer",
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    inspection: typeof INSPECTION_ERRORS;
  }
}
