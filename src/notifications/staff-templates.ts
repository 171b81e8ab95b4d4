import type { TemplateDef } from './templates';

/** Staff work items in the inbox (issue 14, deliverable 3): in-app texts without variables (the link says which case). */
export const STAFF_WORK_ITEM_TEMPLATES = {
  // 调解仲裁法 第二十九条: the commission decides on acceptance within 5 days of receiving the application.
  ARBITRATION_APPLICATION_RECEIVED: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '收到新的劳动争议仲裁申请，请在5个工作日内决定是否受理',
    vars: {},
  },
  ARBITRATION_ESCALATED_FROM_MEDIATION: {
    channel: 'IN_APP',
    audience: 'STAFF',
    // Also after an agreement the employer did not perform (调解仲裁法 第十五条): not only a failed mediation.
    text: '经调解未解决的劳动争议已申请仲裁，请在5个工作日内决定是否受理',
    vars: {},
  },
  // 人民调解法 第十九条: the committee designates the mediator; a take-over tells the new one.
  MEDIATION_CASE_ASSIGNED: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '有调解案件改由您承办，请及时处理',
    vars: {},
  },
  COMPLAINT_ROUTED_TO_BODY: {
    channel: 'IN_APP',
    audience: 'STAFF',
    text: '有投诉分派至本机构，请及时处理',
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
} as const satisfies Record<string, TemplateDef>;
