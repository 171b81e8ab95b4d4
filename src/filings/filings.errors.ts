import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of employer filings: layoffs, closures, collective contracts, the harmonious-enterprise register: HTTP status and zh-CN / English message. */
export const FILINGS_ERRORS = {
  LAYOFF_FILING_NOT_FOUND: { status: 404, zh: '裁员备案不存在', en: 'No such layoff filing' },
  CLOSURE_NOTICE_NOT_FOUND: { status: 404, zh: '关停并转迁报告不存在', en: 'No such closure notice' },
  COLLECTIVE_CONTRACT_NOT_FOUND: {
    status: 404,
    zh: '集体合同备案不存在',
    en: 'No such collective contract filing',
  },
  HARMONIOUS_ENTRY_NOT_FOUND: {
    status: 404,
    zh: '和谐劳动关系企业名录中没有该记录',
    en: 'No such register entry',
  },
  ALREADY_OBJECTED: { status: 409, zh: '已提出过审查意见', en: 'An objection was already recorded' },
  ALREADY_REGISTERED: {
    status: 409,
    zh: '该用人单位本年度已在此级别登记',
    en: 'The employer is already registered at this level for this year',
  },
  ALREADY_REVOKED: { status: 409, zh: '该记录已撤销', en: 'The entry was already revoked' },
  REVIEW_PERIOD_OVER: {
    status: 409,
    zh: '15 日审查期已过，集体合同已自行生效',
    en: 'The 15-day review period is over: the contract took effect without objection',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    filings: typeof FILINGS_ERRORS;
  }
}
