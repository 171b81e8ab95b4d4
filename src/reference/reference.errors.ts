import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of reference data: jurisdictions, organisations, employers: HTTP status and zh-CN / English message. */
export const REFERENCE_ERRORS = {
  EMPLOYER_NOT_FOUND: { status: 404, zh: '用人单位不存在', en: 'No such employer' },
  EMPLOYER_NAME_TAKEN: {
    status: 409,
    zh: '已有另一家无统一社会信用代码的用人单位使用该名称',
    en: 'Another employer without a USCC has this name',
  },
  EMPLOYER_CONTACT_VIA_CASE: {
    status: 403,
    zh: '该用人单位未登记所属街道：请在其投诉案件中确认联系电话（PUT /api/v1/complaints/{id}/employer-contact），或由管理员、调查该单位的监察员确认',
    en: 'This employer is registered in no street: confirm its number on its complaint (PUT /api/v1/complaints/{id}/employer-contact), or ask an administrator or an inspector investigating it',
  },
  ORGANISATION_NOT_FOUND: {
    status: 404,
    zh: '您的管辖范围内没有该机构',
    en: 'No such organisation in your jurisdiction',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    reference: typeof REFERENCE_ERRORS;
  }
}
