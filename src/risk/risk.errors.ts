import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of early warning: signals, rule sets, scoring, warnings: HTTP status and zh-CN / English message. */
export const RISK_ERRORS = {
  RISK_WARNING_NOT_FOUND: { status: 404, zh: '风险预警不存在', en: 'No such risk warning' },
  RISK_RUN_NOT_FOUND: { status: 404, zh: '风险评分批次不存在', en: 'No such risk run' },
  RULE_SET_NOT_FOUND: { status: 404, zh: '规则集版本不存在', en: 'No such rule set version' },
  RULE_SET_INVALID: {
    status: 400,
    zh: '规则集未通过校验，详见 details',
    en: 'The rule set does not validate (see details)',
  },
  BACKTEST_WINDOW_INVALID: {
    status: 400,
    zh: '回测区间无效，详见 details',
    en: 'The backtest window is not valid (see details)',
  },
  RISK_WARNING_CRIME_RESERVED: {
    status: 403,
    zh: '涉嫌拒不支付劳动报酬罪的预警由劳动保障监察员或主管处置',
    en: 'A warning of a suspected wage crime is handled by inspectors or supervisors',
  },
  CSV_INVALID: { status: 400, zh: '无法读取该 CSV 文件', en: 'The CSV could not be read' },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    risk: typeof RISK_ERRORS;
  }
}
