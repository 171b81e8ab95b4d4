import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of street-level mediation (调解): HTTP status and zh-CN / English message. */
export const MEDIATION_ERRORS = {
  MEDIATION_CASE_NOT_FOUND: { status: 404, zh: '调解案件不存在', en: 'No such mediation case' },
  MEDIATION_CASE_EXISTS: {
    status: 409,
    zh: '该投诉（或其集体争议）已有调解案件',
    en: 'The complaint already has a mediation case (or its collective dispute an open one)',
  },
  NOT_ROUTED_TO_MEDIATION: {
    status: 409,
    zh: '该投诉未分流至调解组织',
    en: 'The complaint is not routed to a mediation committee',
  },
  MEDIATION_PERIOD_NOT_RUNNING: {
    status: 409,
    zh: '调解期限未在计算中',
    en: 'The mediation period is not running',
  },
  MEDIATION_PERIOD_OVER: {
    status: 409,
    zh: '调解会议日期晚于调解期限：须先登记双方同意的延长',
    en: 'The session is after the mediation period: record an extension agreed by both parties first',
  },
  MEDIATION_SESSION_OUTSIDE_HOURS: {
    status: 400,
    zh: '调解会议时间在工作日或办公时间之外：如确需安排，请填写 override.reason',
    en: 'The session is on a rest day or outside the committee’s working hours: give override.reason to schedule it anyway',
  },
  MEDIATION_SESSION_EXISTS: {
    status: 409,
    zh: '本案在该时间已安排调解会议',
    en: 'The case already has a session at that time',
  },
  MEDIATOR_CONFLICT: {
    status: 403,
    zh: '您已声明与该用人单位存在利害关系（回避），不能办理其调解案件',
    en: 'You declared a conflict with this employer: you take no act in its mediation cases',
  },
  NOT_ASSIGNED_MEDIATOR: {
    status: 403,
    zh: '该调解案件由其他调解员承办：请先接手（更换调解员）再办理',
    en: 'Another mediator is designated for this case: take it over first',
  },
  NOT_ESCALATABLE: {
    status: 409,
    zh: '该调解案件不能转入仲裁',
    en: 'This mediation case cannot be escalated to arbitration',
  },
  MEDIATION_AGREEMENT_IN_FORCE: {
    status: 409,
    zh: '该争议已达成调解协议：用人单位不履行的，请通过调解转仲裁申请仲裁',
    en: 'The dispute has a mediation agreement: arbitration is applied for by escalating the mediation once the employer fails to perform it',
  },
  INSTALMENT_NOT_FOUND: { status: 404, zh: '分期付款不存在', en: 'No such instalment' },
  INSTALMENT_ALREADY_PAID: { status: 409, zh: '该期款项已支付', en: 'This instalment is already paid' },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    mediation: typeof MEDIATION_ERRORS;
  }
}
