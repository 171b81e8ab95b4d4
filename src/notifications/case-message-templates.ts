import type { TemplateDef } from './templates';

/**
 * A staff reply on a complaint's message thread, as the worker is told of it (complaints/case-messages.rules.ts):
 * in-app for every reply, one SMS per complaint and window. Neither carries the message, which may hold personal
 * data: only the tracking number, and where to read it. Spread into TEMPLATES (plain values only).
 */
export const CASE_MESSAGE_TEMPLATES = {
  COMPLAINT_MESSAGE_SMS: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的投诉（编号{trackingNo}）有工作人员的新留言，请登录本平台（网页或手机应用）在该投诉的留言中查看。',
    vars: { trackingNo: 'text' },
  },
  COMPLAINT_MESSAGE_FROM_STAFF: {
    channel: 'IN_APP',
    audience: 'WORKER',
    text: '您的投诉（编号{trackingNo}）有工作人员的新留言，请在该投诉的留言中查看。',
    vars: { trackingNo: 'text' },
  },
} as const satisfies Record<string, TemplateDef>;
