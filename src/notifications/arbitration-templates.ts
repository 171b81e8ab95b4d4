import type { TemplateDef } from './templates';

/**
 * What the parties of an arbitration (仲裁) are told; spread into TEMPLATES. Plain values only (this file is imported
 * by templates.ts).
 */
export const ARBITRATION_TEMPLATES = {
  ARBITRATION_APPLICATION_FROM_MEDIATION: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的案件（编号{trackingNo}）已由调解转为劳动争议仲裁申请，仲裁委员会将决定是否受理。',
    vars: { trackingNo: 'text' },
  },
  // The mediation agreement whose default the application claims was paid (in part or in full) after it was made: the
  // application stays the worker's to withdraw (调解仲裁法 第四十一条: 自行和解 … 可以撤回仲裁申请), the tribunal weighs it.
  ARBITRATION_SOURCE_AGREEMENT_PAID_WORKER: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）所涉调解协议第{seq}期款项{amountFen}已于{paidOn}支付并登记，仲裁委员会已获告知。如您的仲裁请求已全部得到支付，您可以向仲裁委员会申请撤回仲裁申请；否则仲裁继续进行。',
    vars: { caseNo: 'text', trackingNo: 'text', seq: 'int', amountFen: 'fen', paidOn: 'date' },
  },
  ARBITRATION_ACCEPTED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁申请（投诉编号{trackingNo}）已于{acceptedOn}受理，案号{caseNo}。',
    vars: { trackingNo: 'text', acceptedOn: 'date', caseNo: 'text' },
  },
  // 办案规则 第二十九条第四款: 一次性告知申请人需要补正的全部材料. The period is the platform's (ARBITRATION_CORRECTION),
  // not the law's: a late completion is still taken; the acceptance period runs from the completed application.
  ARBITRATION_CORRECTION_REQUESTED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁申请（投诉编号{trackingNo}）需要补正：{items}。请最迟于{dueOn}（含当日）补正后提交（逾期补正的仍可提交），仲裁委员会自收到补正材料之日起5个工作日内决定是否受理。依据：{legalBasis}。',
    vars: { trackingNo: 'text', items: 'excerpt', dueOn: 'date', legalBasis: 'text' },
  },
  ARBITRATION_NOT_ACCEPTED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第二十九条: not accepted (书面通知 … 并说明理由), the applicant may sue in the people's court.
    text: '您的仲裁申请（编号{trackingNo}）不予受理，理由：{reason}。您可以就该劳动争议事项向人民法院提起诉讼。',
    vars: { trackingNo: 'text', reason: 'excerpt' },
  },
  ARBITRATION_TRIBUNAL_FORMED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）已组成仲裁庭（{tribunal}）。',
    vars: { caseNo: 'text', trackingNo: 'text', tribunal: 'text' },
  },
  // 调解仲裁法 第三十二条: the composition told in writing, a change of it too; 第三十三条: the parties may ask the new
  // member to withdraw (回避).
  ARBITRATION_TRIBUNAL_CHANGED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）仲裁庭组成人员已变更（{tribunal}）。仲裁员有应当回避情形的，您可以口头或者书面申请其回避。',
    vars: { caseNo: 'text', trackingNo: 'text', tribunal: 'text' },
  },
  // 调解仲裁法 第三十二条: the composition told to the PARTIES in writing — the respondent (被申请人) too, at its
  // contact phone on record (as the hearing's notice); with none, the case's arbitrators serve it another way.
  ARBITRATION_TRIBUNAL_FORMED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位（被申请人）的劳动争议仲裁案件（案号{caseNo}）已组成仲裁庭（{tribunal}）。',
    vars: { caseNo: 'text', tribunal: 'text' },
  },
  ARBITRATION_TRIBUNAL_CHANGED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位（被申请人）的劳动争议仲裁案件（案号{caseNo}）仲裁庭组成人员已变更（{tribunal}）。仲裁员有应当回避情形的，贵单位可以口头或者书面申请其回避。',
    vars: { caseNo: 'text', tribunal: 'text' },
  },
  // 调解仲裁法 第三十三条: 对回避申请应当及时作出决定，并以口头或者书面方式通知当事人 — the party who applied.
  ARBITRATION_RECUSAL_DECIDED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）中您提出的回避申请，仲裁委员会决定：{decision}。',
    vars: { caseNo: 'text', trackingNo: 'text', decision: 'text' },
  },
  ARBITRATION_RECUSAL_DECIDED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位（被申请人）在劳动争议仲裁案件（案号{caseNo}）中提出的回避申请，仲裁委员会决定：{decision}。',
    vars: { caseNo: 'text', decision: 'text' },
  },
  ARBITRATION_HEARING_SCHEDULED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）定于{startsAt}在{room}开庭，请准时到庭。开庭时间、地点以仲裁委员会书面开庭通知为准。',
    vars: { caseNo: 'text', trackingNo: 'text', startsAt: 'datetime', room: 'text' },
  },
  ARBITRATION_HEARING_POSTPONED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）开庭改期至{startsAt}，地点：{room}。开庭时间、地点以仲裁委员会书面开庭通知为准。',
    vars: { caseNo: 'text', trackingNo: 'text', startsAt: 'datetime', room: 'text' },
  },
  // 调解仲裁法 第三十五条: the tribunal notifies BOTH parties of the hearing's date and place; the respondent (被申请人)
  // by its contact phone on record. A record of a service attempt, not the written notice: no clock moves on it.
  ARBITRATION_HEARING_SCHEDULED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位（被申请人）的劳动争议仲裁案件（案号{caseNo}）定于{startsAt}在{room}开庭，请准时到庭。开庭时间、地点以仲裁委员会书面开庭通知为准。',
    vars: { caseNo: 'text', startsAt: 'datetime', room: 'text' },
  },
  ARBITRATION_HEARING_POSTPONED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位（被申请人）的劳动争议仲裁案件（案号{caseNo}）开庭改期至{startsAt}，地点：{room}。开庭时间、地点以仲裁委员会书面开庭通知为准。',
    vars: { caseNo: 'text', startsAt: 'datetime', room: 'text' },
  },
  ARBITRATION_AWARD_ISSUED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第四十八条、第五十条: the worker may sue within 15 days of receiving the award.
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）已作出裁决。如不服，您可以最迟于{suitDeadline}（含当日）向人民法院提起诉讼。',
    vars: { caseNo: 'text', trackingNo: 'text', suitDeadline: 'date' },
  },
  ARBITRATION_COMMISSION_LATE: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第二十九条 (逾期未作出受理决定), 第四十三条 (逾期未作出仲裁裁决): the worker may sue in court.
    text: '您的仲裁案件（编号{trackingNo}）仲裁委员会未在法定期限内{period}。您可以就该劳动争议事项向人民法院提起诉讼，也可以继续等待仲裁。',
    vars: {
      trackingNo: 'text',
      period: { labels: { ACCEPTANCE_OVERDUE: '作出是否受理的决定', AWARD_OVERDUE: '作出仲裁裁决' } },
    },
  },
  // The award period's changes, told as they are made: 调解仲裁法 第四十三条 (延期 … 并书面通知当事人); a 中止 and its
  // end likewise (the period stands still meanwhile).
  ARBITRATION_PERIOD_EXTENDED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）经仲裁委员会主任批准延长审理期限，最迟应于{due}（含当日）结案。',
    vars: { caseNo: 'text', trackingNo: 'text', due: 'date' },
  },
  ARBITRATION_PERIOD_PAUSED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）自{date}起中止审理，理由：{reason}。中止期间不计入审理期限，恢复审理时另行通知。',
    vars: { caseNo: 'text', trackingNo: 'text', date: 'date', reason: 'excerpt' },
  },
  ARBITRATION_PERIOD_RESUMED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）自{date}起恢复审理，最迟应于{due}（含当日）结案。',
    vars: { caseNo: 'text', trackingNo: 'text', date: 'date', due: 'date' },
  },
  // 办案规则 (2017) 第四十四条、第四十六条第（三）项: changed or increased claims accepted, the award period counted
  // again from that day; the respondent is notified and given an answer period (unless it waived it).
  ARBITRATION_CLAIMS_CHANGED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）增加或变更的仲裁请求已于{acceptedOn}受理，仲裁期限自该日起重新计算，最迟应于{due}（含当日）结案。以仲裁委员会书面通知为准。',
    vars: { caseNo: 'text', trackingNo: 'text', acceptedOn: 'date', due: 'date' },
  },
  ARBITRATION_CLAIMS_CHANGED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位（被申请人）的劳动争议仲裁案件（案号{caseNo}）中，申请人增加或变更的仲裁请求已于{acceptedOn}受理，贵单位最迟可于{answerDue}（含当日）提交答辩书。以仲裁委员会书面通知为准。',
    vars: { caseNo: 'text', acceptedOn: 'date', answerDue: 'date' },
  },
  ARBITRATION_PROVISIONAL_EXECUTION: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第四十四条: 仲裁庭裁决先予执行的，移送人民法院执行.
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）仲裁庭已裁决先予执行{amountFen}，并移送人民法院执行。',
    vars: { caseNo: 'text', trackingNo: 'text', amountFen: 'fen' },
  },
  // A collective dispute's case (调解仲裁法 第七条) carries every member's claims: its amounts are the group's.
  ARBITRATION_PROVISIONAL_EXECUTION_GROUP: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您所在的集体劳动争议仲裁案件（案号{caseNo}，投诉编号{trackingNo}）仲裁庭已裁决先予执行共{amountFen}（全体申请人合计），并移送人民法院执行。',
    vars: { caseNo: 'text', trackingNo: 'text', amountFen: 'fen' },
  },
  ARBITRATION_MEDIATED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第四十二条: 调解书经双方当事人签收后，发生法律效力 (and, 第五十一条, may be enforced by a court).
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）仲裁调解书已于{signedOn}经双方签收生效，调解金额{totalFen}，案件结束。',
    vars: { caseNo: 'text', trackingNo: 'text', signedOn: 'date', totalFen: 'fen' },
  },
  ARBITRATION_MEDIATED_GROUP: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您所在的集体劳动争议仲裁案件（案号{caseNo}，投诉编号{trackingNo}）仲裁调解书已于{signedOn}经双方签收生效，调解金额共{totalFen}（全体申请人合计），案件结束。',
    vars: { caseNo: 'text', trackingNo: 'text', signedOn: 'date', totalFen: 'fen' },
  },
} as const satisfies Record<string, TemplateDef>;
