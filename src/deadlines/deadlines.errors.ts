import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of statutory clocks: HTTP status and zh-CN / English message. */
export const DEADLINES_ERRORS = {
  CLOCK_NOT_FOUND: { status: 404, zh: '期限不存在', en: 'No such clock' },
  EXTENSION_NEEDS_SUPERVISOR: {
    status: 403,
    zh: '只有督办人员可以批准延期',
    en: 'Only a supervisor may approve an extension',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    deadlines: typeof DEADLINES_ERRORS;
  }
}
