import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of staff accounts and organisations administration: HTTP status and zh-CN / English message. */
export const STAFF_ERRORS = {
  USER_NOT_FOUND: { status: 404, zh: '您的管辖范围内没有该账号', en: 'No such account in your jurisdiction' },
  USERNAME_TAKEN: { status: 409, zh: '该用户名已被使用', en: 'The username is already taken' },
  LAST_ACTIVE_ADMIN: {
    status: 409,
    zh: '不能停用或降级最后一个启用的管理员',
    en: 'The last active ADMIN cannot be deactivated or demoted',
  },
  OWN_ACCOUNT_SCOPE: {
    status: 403,
    zh: '不能修改自己账号的角色、所属机构或管辖范围，须由另一名管理员办理',
    en: 'You cannot change your own role, organisation or jurisdictions: another administrator does',
  },
  IMPORT_INVALID: {
    status: 400,
    zh: '文件中有错误，未导入任何数据，详见 details',
    en: 'The file has problems; nothing was imported (see details)',
  },
  IMPORT_UNREADABLE: {
    status: 400,
    zh: '文件既不是可读取的 CSV 也不是 XLSX',
    en: 'The file is neither a readable CSV nor an XLSX file',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    staff: typeof STAFF_ERRORS;
  }
}
