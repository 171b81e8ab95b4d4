/** The error codes of the notifications module and their messages (zh-CN / English). */
export const NOTIFICATIONS_ERRORS = {
  NOTIFICATION_NOT_FOUND: '没有这条消息 / No such notification',
  SMS_OUTBOX_UNAVAILABLE:
    '短信发件箱仅在日志发送模式（SMS_PROVIDER=log）下可用 / The SMS outbox exists only with SMS_PROVIDER=log: a real provider delivers the messages',
} as const;
