import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of employer compliance registers: violations, grades, the wage-arrears blacklist, publication: HTTP status and zh-CN / English message. */
export const COMPLIANCE_ERRORS = {
  VIOLATION_NOT_FOUND: {
    status: 404,
    zh: '该用人单位没有此违法记录',
    en: 'No such violation of this employer',
  },
  BLACKLIST_ENTRY_NOT_FOUND: { status: 404, zh: '失信名单记录不存在', en: 'No such listing' },
  BLACKLIST_NOTICE_NOT_FOUND: { status: 404, zh: '列入告知书不存在', en: 'No such listing notice' },
  BLACKLIST_FACTS_MISSING: {
    status: 409,
    zh: '该违法行为不符合列入失信名单的情形',
    en: 'The violation does not meet the listing facts',
  },
  ALREADY_LISTED: { status: 409, zh: '该用人单位已列入名单', en: 'The employer is already listed' },
  LISTING_TERM_OVER: {
    status: 409,
    zh: '按该日期作出的列入决定至今已期满',
    en: 'A listing decided on that day would already have expired',
  },
  LISTING_NOTICE_REQUIRED: {
    status: 409,
    zh: '请先向用人单位送达拟列入告知',
    en: 'Notify the employer of the intended listing first',
  },
  LISTING_PERSON_NOT_NOTICED: {
    status: 409,
    zh: '拟列入的当事人未在告知书中列明，请先向其送达拟列入告知',
    en: 'A person to be listed was not named on the notice: serve them the notice of the intended listing first',
  },
  LISTING_BEFORE_STATEMENT: {
    status: 409,
    zh: '列入决定日期不能早于陈述申辩日期',
    en: 'The listing cannot be decided before the statement was made',
  },
  STATEMENT_RECORDED: {
    status: 409,
    zh: '该告知书已登记陈述申辩',
    en: 'A statement is already recorded on this notice',
  },
  EARLY_REMOVAL_TOO_SOON: {
    status: 409,
    zh: '尚未到可申请提前移出的日期',
    en: 'Too soon for an early removal',
  },
  CREDIT_COMMITMENT_MISSING: {
    status: 409,
    zh: '提前移出须提交书面信用承诺',
    en: 'Early removal needs a written credit commitment',
  },
  EARLY_REMOVAL_BARRED: {
    status: 409,
    zh: '列入期限内再次拖欠农民工工资，或因涉嫌拒不支付劳动报酬犯罪正在刑事诉讼期间或者已被追究刑事责任，不得提前移出',
    en: 'No early removal: new wage arrears to migrant workers while listed, or criminal proceedings or liability for refusing to pay wages',
  },
  GRADE_YEAR_IN_FUTURE: { status: 409, zh: '该年度尚未开始', en: 'That year has not started' },
  ALREADY_PUBLISHED: {
    status: 409,
    zh: '该辖区该季度已公布；此后登记的违法行为请作补充公布',
    en: 'That quarter is already published for this jurisdiction; violations recorded since go in a supplementary publication',
  },
  NOTHING_TO_PUBLISH: {
    status: 409,
    zh: '该季度的重大违法行为均已公布',
    en: 'Every major violation of that quarter is already published',
  },
  QUARTER_NOT_OVER: { status: 409, zh: '季度结束后方可公布', en: 'A quarter is published after it ends' },
  QUARTER_NOT_PUBLISHED: {
    status: 409,
    zh: '补充公布须在该季度常规公布之后，请先公布该季度',
    en: 'A supplementary publication follows the quarter’s regular one; publish the quarter first',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    compliance: typeof COMPLIANCE_ERRORS;
  }
}
