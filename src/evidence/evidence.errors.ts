import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of evidence attachments: HTTP status and zh-CN / English message. */
export const EVIDENCE_ERRORS = {
  ATTACHMENT_NOT_FOUND: { status: 404, zh: '附件不存在', en: 'No such attachment' },
  FILE_TOO_LARGE: { status: 413, zh: '单个附件不得超过 10 MB', en: 'An attachment may be at most 10 MB' },
  UNSUPPORTED_FILE_TYPE: {
    status: 415,
    zh: '附件须为 PDF、JPEG 或 PNG 文件',
    en: 'An attachment must be a PDF, JPEG or PNG file',
  },
  UPLOAD_INCOMPLETE: {
    status: 400,
    zh: '文件未完整上传',
    en: 'The upload ended before the file was complete',
  },
  MULTIPART_LIMIT_EXCEEDED: {
    status: 400,
    zh: '上传表单超出限制（字段或文件过多，或字段名过长），详见 details',
    en: 'The upload form exceeds a limit (too many fields, files or parts, or a field name too long); see details',
  },
  MALFORMED_MULTIPART: {
    status: 400,
    zh: '请求体不是有效的 multipart/form-data 表单',
    en: 'The request body is not a valid multipart/form-data form',
  },
  CASE_FILE_FULL: {
    status: 409,
    zh: '该投诉的证据材料已达上限（50 个文件、共 200 MB）',
    en: 'The case file of this complaint is full (50 files, 200 MB in all)',
  },
  CASE_FILE_CLOSED: {
    status: 409,
    zh: '该投诉已撤回或不予受理，不再接收证据材料',
    en: 'This complaint was withdrawn or refused; its case file takes no more evidence',
  },
  REPORT_ATTACHMENTS_NOT_SUPPORTED: {
    status: 409,
    zh: '匿名举报暂不接受附件',
    en: 'Anonymous reports take no attachments for now',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    evidence: typeof EVIDENCE_ERRORS;
  }
}
