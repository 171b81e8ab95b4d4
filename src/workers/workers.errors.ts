import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of workers’ own accounts and identity: HTTP status and zh-CN / English message. */
export const WORKERS_ERRORS = {
  IDENTITY_ALREADY_RECORDED: {
    status: 409,
    zh: '您的实名信息已登记；如需更正请联系工作人员',
    en: 'Your real name and ID number are already recorded; staff can correct them',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    workers: typeof WORKERS_ERRORS;
  }
}
