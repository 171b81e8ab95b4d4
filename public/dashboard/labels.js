// Chinese labels for the API's codes, and number formats. Unknown codes are shown as they are.

const CASE_TYPES = { ARBITRATION: '仲裁', INSPECTION: '监察', COMPLAINT: '投诉' };
const AT_RISK_REASONS = {
  WILL_BREACH: '法定期限将届满',
  MUST_CLOSE_BY_YEAR_END: '须在年底前结案',
  ACCEPTANCE_DUE: '仲裁申请待作出受理决定',
  FILING_DUE: '监察案件待作出立案决定',
  TAKE_UP_DUE: '已分派监察的投诉待立案',
};
const CASE_STATUSES = {
  APPLIED: '已申请',
  ACCEPTED: '已受理',
  NOT_ACCEPTED: '不予受理',
  TRIBUNAL_FORMED: '已组庭',
  HEARING_SCHEDULED: '已排期开庭',
  RECEIVED: '已登记',
  REFUSED: '不予立案',
  INVESTIGATING: '调查中',
  RECTIFICATION_ORDERED: '已责令改正',
  PENALTY_NOTICED: '已告知处罚',
  PENALTY_DECIDED: '已作出处罚决定',
  CLOSED: '已结案',
};
const WARNING_STATUSES = { NEW: '新预警', ACKNOWLEDGED: '已确认', HANDLING: '处置中', CLOSED: '已关闭' };
const CLOCK_STATES = {
  RUNNING: '计时中',
  PAUSED: '已中止',
  MET: '已按期完成',
  BREACHED: '已超期',
  ENDED: '已终止',
  LAPSED: '已届满',
};
const ROLES = {
  ARBITRATOR: '仲裁员',
  INSPECTOR: '监察员',
  MEDIATOR: '调解员',
  SUPERVISOR: '督办人员',
  ADMIN: '管理员',
  WORKER: '劳动者',
};
const WARNING_KINDS = { WAGE_ARREARS: '欠薪', MASS_DISPUTE: '群体性争议' };
const WARNING_LEVELS = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };

const label = (table, code) => (code == null ? '—' : (table[code] ?? String(code)));

export const caseTypeLabel = (c) => label(CASE_TYPES, c);
export const atRiskReasonLabel = (r) => label(AT_RISK_REASONS, r);
export const roleLabel = (r) => label(ROLES, r);
export const warningKindLabel = (k) => label(WARNING_KINDS, k);
export const warningLevelLabel = (l) => label(WARNING_LEVELS, l);
export const caseStatusLabel = (s) => label(CASE_STATUSES, s);
export const warningStatusLabel = (s) => label(WARNING_STATUSES, s);
export const clockStateLabel = (s) => label(CLOCK_STATES, s);

/** 0.9234 → "92.3%"; null/undefined (no denominator) → "—". */
export function percent(rate, digits = 1) {
  return typeof rate === 'number' && Number.isFinite(rate) ? `${(rate * 100).toFixed(digits)}%` : '—';
}

export function ratio(numerator, denominator) {
  return numerator == null || denominator == null ? '—' : `${numerator} / ${denominator}`;
}

/** An ISO timestamp shown as a Shanghai local date-time, e.g. "2026-11-26 09:30"; a calendar date as it is. */
export function shanghaiDateTime(iso) {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The time of day in Shanghai, "09:30" (the "数据截至" line). */
export function shanghaiTime(date = new Date()) {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** Today's calendar year in Asia/Shanghai (the year of legal dates), not the browser's time zone. */
export function shanghaiYear(now = new Date()) {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}

/** Today's month (1..12) in Asia/Shanghai. */
export function shanghaiMonth(now = new Date()) {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(now));
}
