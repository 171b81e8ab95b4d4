import type { TemplateDef } from './templates';

/** Why an SMS to a party could not be delivered (undelivered-sms.ts), as staff read it. */
export const UNDELIVERED_REASON_LABELS = {
  REFUSED: '号码无效或被短信平台拒收',
  NO_PHONE: '无手机号码',
  // A number is on record (the employer's, kept unconfirmed by migration 1796400006600) but staff never confirmed it:
  // not texted, and not "no number" either — confirming it (PUT /employers/:id/contact) lets the next SMS go.
  PHONE_UNCONFIRMED: '号码未核实',
  NOT_VERIFIED: '代为投诉所留号码尚未经本人验证',
} as const;
export type UndeliveredReason = keyof typeof UNDELIVERED_REASON_LABELS;

/** Staff work items in the inbox (issue 14, deliverable 3): in-app texts without variables (the link says which case). */
export const STAFF_WORK_ITEM_TEMPLATES = {
  // 调解仲裁法 第二十九条: the commission decides on acceptance within 5 days of receiving the application.
  ARBITRATION_APPLICATION_RECEIVED: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '收到新的劳动争议仲裁申请，请在5个工作日内决定是否受理',
    vars: {},
  },
  // 办案规则 第二十九条第四款, 第三十条: the completed application is received; 5 working days to decide from then.
  ARBITRATION_CORRECTION_SUPPLIED: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '申请人已补正仲裁申请材料，请自收到之日起5个工作日内决定是否受理',
    vars: {},
  },
  ARBITRATION_ESCALATED_FROM_MEDIATION: {
    channel: 'IN_APP',
    audience: 'STAFF',
    // Also after an agreement the employer did not perform (调解仲裁法 第十五条): not only a failed mediation.
    text: '经调解未解决的劳动争议已申请仲裁，请在5个工作日内决定是否受理',
    vars: {},
  },
  // The escalated agreement paid after the application (调解仲裁法 第四十一条: the applicant may withdraw; else the
  // tribunal weighs the payment): told to the case's holders, the claim left as it is.
  ARBITRATION_SOURCE_AGREEMENT_PAID: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '仲裁申请所涉调解协议第{seq}期款项{amountFen}已于{paidOn}支付（{agreement}），请仲裁庭审理时予以考虑；申请人可以撤回仲裁申请',
    vars: {
      seq: 'int',
      amountFen: 'fen',
      paidOn: 'date',
      agreement: {
        labels: {
          PERFORMED: '调解协议已全部履行',
          DEFAULTED: '调解协议仍有逾期未付款项',
          PERFORMING: '调解协议仍有未到期款项',
        },
      },
    },
  },
  // 调解仲裁法 第三十一条: the tribunal is the commission's to form; a member who can no longer act (deactivated, moved)
  // is replaced by its decision (POST …/tribunal/replacements), never by the platform.
  ARBITRATION_TRIBUNAL_MEMBER_TO_REPLACE: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '仲裁庭组成人员已不能继续履行职责，请仲裁委员会及时更换仲裁员',
    vars: {},
  },
  // 人民调解法 第十九条: the committee designates the mediator; a take-over tells the new one.
  MEDIATION_CASE_ASSIGNED: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '有调解案件改由您承办，请及时处理',
    vars: {},
  },
  // 调解仲裁法 第五条: a worker who no longer wants mediation may apply for arbitration; the open case ends withdrawn.
  MEDIATION_ENDED_BY_ARBITRATION: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '您承办的调解案件中，劳动者已申请劳动争议仲裁，该调解案件已按撤回结案，请停止安排调解',
    vars: {},
  },
  // A staff change that leaves an inspection case with no assigned inspector gives it to another (InspectionHandOver).
  INSPECTION_CASE_ASSIGNED: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '有劳动保障监察案件改由您承办，请及时处理',
    vars: {},
  },
  COMPLAINT_ROUTED_TO_BODY: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '有投诉分派至本机构，请及时处理',
    vars: {},
  },
  // A party's message on the case thread (complaints/case-message-inbox.ts): to the staff in charge of the case's
  // current proceeding, else the complaint's intake staff. Never the message, nor (for a 举报) anything of the reporter.
  COMPLAINT_MESSAGE_FROM_PARTY: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '投诉人在案件留言中发来新消息，请及时查看并答复',
    vars: {},
  },
  REPORT_MESSAGE_FROM_REPORTER: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '举报人在举报渠道发来新消息，请及时查看并答复',
    vars: {},
  },
  // DEADLINE_REMINDER_DAYS (deadline-reminder.rules.ts); in-app-messages.spec.ts checks the numbers of days.
  CASE_DEADLINE_WITHIN_3_DAYS: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '您承办的案件有法定期限将在3日内届满',
    vars: {},
  },
  CASE_DEADLINE_WITHIN_1_DAY: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '您承办的案件有法定期限将在1日内届满，请及时处理',
    vars: {},
  },
  // A party-facing SMS that can never be delivered (undelivered-sms.ts): the staff in charge tell the party another
  // way; `message` is the text as it would have been sent (its variables hold no name or number: templates.ts).
  SMS_UNDELIVERED: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '短信未送达（{reason}），请电话或当面告知当事人：{message}',
    vars: { reason: { labels: UNDELIVERED_REASON_LABELS }, message: 'text' },
  },
} as const satisfies Record<string, TemplateDef>;
