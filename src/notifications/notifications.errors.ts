import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of messages to parties and staff: HTTP status and zh-CN / English message. */
export const NOTIFICATIONS_ERRORS = {
  NOTIFICATION_NOT_FOUND: { status: 404, zh: '没有这条消息', en: 'No such notification' },
  SMS_OUTBOX_UNAVAILABLE: {
    status: 404,
    zh: '短信发件箱仅在日志发送模式（SMS_PROVIDER=log）下可用',
    en: 'The SMS outbox exists only with SMS_PROVIDER=log: a real provider delivers the messages',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    notifications: typeof NOTIFICATIONS_ERRORS;
  }
}
