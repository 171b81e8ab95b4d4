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

/** Headroom as signed percentage points: 0.012 → "+1.2 个百分点". */
export function points(delta) {
  if (typeof delta !== 'number' || !Number.isFinite(delta)) return '—';
  const v = (delta * 100).toFixed(1);
  return `${delta >= 0 ? '+' : ''}${v} 个百分点`;
}

export function ratio(numerator, denominator) {
  return numerator == null || denominator == null ? '—' : `${numerator} / ${denominator}`;
}

/** An ISO timestamp shown as a Shanghai local date-time, e.g. "2026-11-26 09:30". */
export function shanghaiDateTime(iso) {
  if (!iso) return '—';
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
