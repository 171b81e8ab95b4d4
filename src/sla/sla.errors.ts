import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of closure-rate KPIs: HTTP status and zh-CN / English message. */
export const SLA_ERRORS = {
  STREET_NOT_FOUND: {
    status: 404,
    zh: '您的管辖范围内没有该街道或镇',
    en: 'No such street or town in your jurisdictions',
  },
  PERIOD_OUT_OF_RANGE: { status: 400, zh: '该月份尚未开始', en: 'The month has not begun' },
  YEAR_OUT_OF_RANGE: {
    status: 400,
    zh: '年份须在统计起始年与当年之间',
    en: 'The year must be between the first recorded year and the current year',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    sla: typeof SLA_ERRORS;
  }
}
