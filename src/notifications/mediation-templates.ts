import type { TemplateDef } from './templates';

/**
 * What the parties of a mediation (调解) are told; spread into TEMPLATES. Plain values only (this file is imported
 * by templates.ts).
 */
export const MEDIATION_TEMPLATES = {
  MEDIATION_SESSION_SCHEDULED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的案件（编号{trackingNo}）定于{startsAt}调解，地点：{place}。请按时参加。',
    vars: { trackingNo: 'text', startsAt: 'datetime', place: 'text' },
  },
  // Sent once per cancelled session when the mediation closes before it (agreement, failure, withdrawal, expiry).
  MEDIATION_SESSION_CANCELLED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的案件（编号{trackingNo}）调解已结束，原定于{startsAt}的调解取消，无需参加。',
    vars: { trackingNo: 'text', startsAt: 'datetime' },
  },
  // 调解仲裁法 第十三条: mediation needs both parties — the employer is told the session, and its calling off, at its
  // confirmed contact number as the worker is (no number: the case's mediator is told instead, SMS_UNDELIVERED).
  MEDIATION_SESSION_SCHEDULED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位的劳动争议调解案件（编号{caseNo}）定于{startsAt}调解，地点：{place}。请派员按时参加。',
    vars: { caseNo: 'text', startsAt: 'datetime', place: 'text' },
  },
  MEDIATION_SESSION_CANCELLED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位的劳动争议调解案件（编号{caseNo}）调解已结束，原定于{startsAt}的调解取消，无需参加。',
    vars: { caseNo: 'text', startsAt: 'datetime' },
  },
  // 参照 企业劳动争议协商调解规定 第二十七条 (mediation-period.rules.ts): extended only when both parties agree.
  MEDIATION_PERIOD_EXTENDED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的案件（编号{trackingNo}）经双方当事人同意，调解期限延长至{due}（含当日）。',
    vars: { trackingNo: 'text', due: 'date' },
  },
  // The same, for a last day counted through a year whose holiday schedule is not loaded (PROVISIONAL_NOTE of the case
  // file, src/case-file/plain-deadline.ts): the date may move once the schedule is published.
  MEDIATION_PERIOD_EXTENDED_PROVISIONAL: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的案件（编号{trackingNo}）经双方当事人同意，调解期限延长至{due}（含当日）（暂定，待公布该年节假日安排后确认）。',
    vars: { trackingNo: 'text', due: 'date' },
  },
  MEDIATION_AGREEMENT_REACHED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第十五条 (arbitration), 第十六条 (支付令 for pay, injury medical costs, compensation or damages).
    text: '您的案件（编号{trackingNo}）已达成调解协议。用人单位逾期不履行的，您可以依法申请仲裁；涉及劳动报酬、工伤医疗费、经济补偿或赔偿金的，也可以持调解协议书向人民法院申请支付令。',
    vars: { trackingNo: 'text' },
  },
  // A collective dispute's member who does not apply for the group (MEDIATION_GROUP_MEMBER_TEMPLATES below): 第七条,
  // its elected representatives apply for it; 第十六条 gives the payment order to 劳动者, so it is told as the law says.
  MEDIATION_AGREEMENT_REACHED_GROUP_MEMBER: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您所在的集体劳动争议（编号{trackingNo}）已达成调解协议。用人单位逾期不履行的，集体争议推举的代表可以依法为全体劳动者申请仲裁；涉及劳动报酬、工伤医疗费、经济补偿或赔偿金的，劳动者可以持调解协议书向人民法院申请支付令。',
    vars: { trackingNo: 'text' },
  },
  MEDIATION_EXPIRED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第十四条第三款: no agreement within 15 days, the party may apply for arbitration; 第二十七条: within a year.
    text: '您的案件（编号{trackingNo}）调解期满未达成协议，您可以依法申请劳动争议仲裁，可在“我的案件”中一键申请。申请仲裁的时效期间一般为一年，请尽早申请。',
    vars: { trackingNo: 'text' },
  },
  MEDIATION_INSTALMENT_OVERDUE: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第十五条: an agreement not performed within its term, the party may apply for arbitration; 第十六条:
    // for pay, injury medical costs, compensation or damages the worker may also ask a court for a payment order.
    text: '您的案件（编号{trackingNo}）调解协议第{seq}期款项应于{dueOn}支付，现已逾期。您可以依法申请仲裁；涉及劳动报酬、工伤医疗费、经济补偿或赔偿金的，也可以持调解协议书向人民法院申请支付令。',
    vars: { trackingNo: 'text', seq: 'int', dueOn: 'date' },
  },
  // 调解仲裁法 第十五条 (arbitration), 第七条 (the representatives apply for the group), 第十六条 (支付令: 劳动者).
  MEDIATION_OVERDUE_GROUP_MEMBER: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您所在的集体劳动争议（编号{trackingNo}）调解协议第{seq}期款项应于{dueOn}支付，现已逾期。集体争议推举的代表可以依法为全体劳动者申请仲裁；涉及劳动报酬、工伤医疗费、经济补偿或赔偿金的，劳动者可以持调解协议书向人民法院申请支付令。',
    vars: { trackingNo: 'text', seq: 'int', dueOn: 'date' },
  },
  // An instalment told overdue (above) whose payment on time was recorded late: the default is reversed.
  MEDIATION_DEFAULT_REVERSED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的案件（编号{trackingNo}）调解协议第{seq}期款项经核实已于{paidOn}按期支付，此前的逾期通知不再适用。',
    vars: { trackingNo: 'text', seq: 'int', paidOn: 'date' },
  },
  // Each payment recorded (platform rule, no statute): the instalment, its amount and what the agreement still has unpaid.
  MEDIATION_INSTALMENT_PAID: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的案件（编号{trackingNo}）调解协议第{seq}期款项{amountFen}已于{paidOn}支付并登记，协议尚余{remainingFen}未付。',
    vars: { trackingNo: 'text', seq: 'int', amountFen: 'fen', paidOn: 'date', remainingFen: 'fen' },
  },
  // The last payment: the agreement performed in full (the mediation's case file then says 调解协议已全部履行).
  MEDIATION_AGREEMENT_PERFORMED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的案件（编号{trackingNo}）调解协议第{seq}期款项{amountFen}已于{paidOn}支付并登记，协议约定的{totalFen}已全部付清，调解协议履行完毕。',
    vars: { trackingNo: 'text', seq: 'int', amountFen: 'fen', paidOn: 'date', totalFen: 'fen' },
  },
  MEDIATION_INSTALMENT_OVERDUE_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位调解协议第{seq}期款项应于{dueOn}支付，现已逾期，请尽快履行。',
    vars: { seq: 'int', dueOn: 'date' },
  },
  MEDIATION_INSTALMENT_DUE_SOON: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位调解协议第{seq}期款项应于{dueOn}支付，请按时履行。',
    vars: { seq: 'int', dueOn: 'date' },
  },

  MEDIATION_FAILED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第十四条第三款: no agreement, the party may apply for arbitration (POST /mediation/:id/escalate);
    // 第二十七条: within a year.
    text: '您的案件（编号{trackingNo}）调解未达成协议，调解结束。您可以依法申请劳动争议仲裁，可在“我的案件”中一键申请。申请仲裁的时效期间一般为一年，请尽早申请。',
    vars: { trackingNo: 'text' },
  },
  // A collective dispute's member who does not apply for the group (调解仲裁法 第七条: its elected representatives do;
  // collective.rules.ts membersActingFor): no one-tap application is theirs (MEDIATION_GROUP_MEMBER_TEMPLATES below).
  MEDIATION_FAILED_GROUP_MEMBER: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您所在的集体劳动争议（编号{trackingNo}）调解未达成协议，调解结束。集体争议推举的代表可以依法为全体劳动者申请劳动争议仲裁。',
    vars: { trackingNo: 'text' },
  },
  MEDIATION_WITHDRAWN: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第五条: 不愿调解 … 的，可以向劳动争议仲裁委员会申请仲裁 (POST /arbitration/cases, on their own complaint).
    text: '您的案件（编号{trackingNo}）调解已撤回，调解结束。您仍可以依法向劳动争议仲裁委员会申请仲裁，可在“我的案件”中申请。',
    vars: { trackingNo: 'text' },
  },
  // The worker's arbitration application (theirs, or filed by staff on their request) ended the mediation
  // (调解仲裁法 第五条: 不愿调解的，可以申请仲裁): told it was received, not invited to apply again.
  MEDIATION_ENDED_BY_APPLICATION: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的案件（编号{trackingNo}）的劳动争议仲裁申请已收到，仲裁委员会将决定是否受理。因申请仲裁，调解已结束。',
    vars: { trackingNo: 'text' },
  },
  // 调解仲裁法 第五条 (arbitration after a mediation not wanted), 第七条 (the representatives apply for the group).
  MEDIATION_WITHDRAWN_GROUP_MEMBER: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您所在的集体劳动争议（编号{trackingNo}）调解已撤回，调解结束。集体争议推举的代表可以依法为全体劳动者申请劳动争议仲裁。',
    vars: { trackingNo: 'text' },
  },
  MEDIATION_EXPIRED_GROUP_MEMBER: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第十四条第三款 (no agreement within 15 days: arbitration), 第七条 (the representatives apply for the group).
    text: '您所在的集体劳动争议（编号{trackingNo}）调解期满未达成协议。集体争议推举的代表可以依法为全体劳动者申请劳动争议仲裁。',
    vars: { trackingNo: 'text' },
  },
  MEDIATION_INSTALMENT_DUE_SOON_WORKER: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第十五条: an agreement not performed within its term, the party may apply for arbitration.
    text: '您的案件（编号{trackingNo}）调解协议第{seq}期款项{amountFen}应于{dueOn}支付。逾期未付的，您可以依法申请仲裁。',
    vars: { trackingNo: 'text', seq: 'int', amountFen: 'fen', dueOn: 'date' },
  },
  // A collective dispute's one agreement (调解仲裁法 第七条): its instalment is the group's, not each member's.
  MEDIATION_INSTALMENT_DUE_SOON_GROUP: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您所在的集体劳动争议（编号{trackingNo}）调解协议第{seq}期款项共{amountFen}（全体劳动者合计）应于{dueOn}支付。逾期未付的，您可以依法申请仲裁。',
    vars: { trackingNo: 'text', seq: 'int', amountFen: 'fen', dueOn: 'date' },
  },
  MEDIATION_DUE_SOON_GROUP_MEMBER: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第十五条 (arbitration), 第七条 (the representatives apply for the group).
    text: '您所在的集体劳动争议（编号{trackingNo}）调解协议第{seq}期款项共{amountFen}（全体劳动者合计）应于{dueOn}支付。逾期未付的，集体争议推举的代表可以依法为全体劳动者申请仲裁。',
    vars: { trackingNo: 'text', seq: 'int', amountFen: 'fen', dueOn: 'date' },
  },
  MEDIATION_NOT_OPENED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第十四条第三款: 15 days from the committee's receipt (the routing) without agreement — here without a
    // mediation even begun — and the party may apply for arbitration.
    text: '您的投诉（编号{trackingNo}）于{routedOn}转交调解组织，至今未开始调解、未达成调解协议。您可以依法申请劳动争议仲裁。',
    vars: { trackingNo: 'text', routedOn: 'date' },
  },
  MEDIATION_NOT_OPENED_GROUP_MEMBER: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第十四条第三款 (as MEDIATION_NOT_OPENED), 第七条 (the representatives apply for the group).
    text: '您所在的集体劳动争议（编号{trackingNo}）于{routedOn}转交调解组织，至今未开始调解、未达成调解协议。集体争议推举的代表可以依法为全体劳动者申请劳动争议仲裁。',
    vars: { trackingNo: 'text', routedOn: 'date' },
  },
} as const satisfies Record<string, TemplateDef>;

/**
 * The text a member of a collective dispute who does not act for the group (调解仲裁法 第七条: its elected
 * representatives apply for it; collective.rules.ts membersActingFor) gets instead of a notice that tells its reader
 * they may apply for arbitration: MediationNotices sends it as the party.notify job's `notActingTemplate`.
 */
export const MEDIATION_GROUP_MEMBER_TEMPLATES: Readonly<
  Partial<Record<keyof typeof MEDIATION_TEMPLATES, keyof typeof MEDIATION_TEMPLATES>>
> = {
  MEDIATION_AGREEMENT_REACHED: 'MEDIATION_AGREEMENT_REACHED_GROUP_MEMBER',
  MEDIATION_FAILED: 'MEDIATION_FAILED_GROUP_MEMBER',
  MEDIATION_EXPIRED: 'MEDIATION_EXPIRED_GROUP_MEMBER',
  MEDIATION_WITHDRAWN: 'MEDIATION_WITHDRAWN_GROUP_MEMBER',
  MEDIATION_NOT_OPENED: 'MEDIATION_NOT_OPENED_GROUP_MEMBER',
  MEDIATION_INSTALMENT_DUE_SOON_GROUP: 'MEDIATION_DUE_SOON_GROUP_MEMBER',
  MEDIATION_INSTALMENT_OVERDUE: 'MEDIATION_OVERDUE_GROUP_MEMBER',
};
