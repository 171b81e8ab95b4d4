import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of workers’ own accounts and identity: HTTP status and zh-CN / English message. */
export const WORKERS_ERRORS = {
  IDENTITY_ALREADY_RECORDED: {
    status: 409,
    zh: '您的实名信息已登记；如需更正，请携带身份证到服务窗口由工作人员办理',
    en: 'Your real name and ID number are already recorded; to correct them, bring your ID card to a service counter, where staff correct them',
  },
  WORKER_ACCOUNT_NOT_FOUND: {
    status: 404,
    zh: '您所辖范围内没有以该手机号登录、且有投诉的劳动者账号',
    en: 'No worker account with a complaint in your jurisdiction signs in with this mobile number',
  },
  IDENTITY_NOT_RECORDED: {
    status: 409,
    zh: '该账号尚未登记实名信息，请劳动者本人登录后登记',
    en: 'This account has no real name and ID number recorded yet; the worker records them herself',
  },
  IDENTITY_UNCHANGED: {
    status: 409,
    zh: '所填姓名和身份证号码与已登记的一致，无需更正',
    en: 'The name and ID number given are those already recorded; there is nothing to correct',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    workers: typeof WORKERS_ERRORS;
  }
}
