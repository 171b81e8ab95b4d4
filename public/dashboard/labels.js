// Chinese labels for the API's codes, and number formats. Unknown codes are shown as they are.

const CASE_TYPES = { ARBITRATION: '仲裁', INSPECTION: '监察' };
const AT_RISK_REASONS = { WILL_BREACH: '预计超期', MUST_CLOSE_BY_YEAR_END: '须在年底前结案' };
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

/** 0.9234 → "92.3%"; null/undefined (no denominator) → "—". */
export function percent(rate, digits = 1) {
  return typeof rate === 'number' && Number.isFinite(rate) ? `${(rate * 100).toFixed(digits)}%` : '—';
}

/**
 * Headroom, a number of cases (the SLA API's definition): ≥ 0 → how many more may miss before the rate drops
 * below the target; < 0 → how many more (on-time) closures the target still needs.
 */
export function headroom(cases) {
  if (typeof cases !== 'number' || !Number.isFinite(cases)) return '—';
  return cases >= 0 ? `余 ${cases} 件` : `差 ${-cases} 件`;
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

/** Today's calendar year in Asia/Shanghai (the year of legal dates), not the browser's time zone. */
export function shanghaiYear(now = new Date()) {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}
