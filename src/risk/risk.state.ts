import type { RiskKind, WarningStatus } from './risk.rules';

export type WarningAction = 'ACKNOWLEDGE' | 'START_HANDLING' | 'CLOSE';

/** The warning lifecycle as data: NEW → ACKNOWLEDGED → HANDLING → CLOSED (a NEW or ACKNOWLEDGED one may close with a disposal too). */
export const WARNING_TRANSITIONS: Record<WarningAction, { from: WarningStatus[]; to: WarningStatus }> = {
  ACKNOWLEDGE: { from: ['NEW'], to: 'ACKNOWLEDGED' },
  START_HANDLING: { from: ['NEW', 'ACKNOWLEDGED'], to: 'HANDLING' },
  CLOSE: { from: ['NEW', 'ACKNOWLEDGED', 'HANDLING'], to: 'CLOSED' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextWarningStatus(status: WarningStatus, action: WarningAction): WarningStatus | null {
  const t = WARNING_TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** The actions the table allows from `status` (an ILLEGAL_TRANSITION's `details.allowed`). */
export function allowedWarningActions(status: WarningStatus): WarningAction[] {
  return (Object.keys(WARNING_TRANSITIONS) as WarningAction[]).filter((a) =>
    WARNING_TRANSITIONS[a].from.includes(status),
  );
}

/**
 * The rules whose hit means a suspected 拒不支付劳动报酬罪 (the built-in WA-CRIME-THRESHOLD, -CASE, -FINDING) or the order
 * to pay that leads to it (-ORDER-DUE, -CASE-ORDER-DUE, -CASE-NO-ORDER: 责令限期支付 is the inspection authority's act,
 * 劳动保障监察条例 第二十六条).
 */
export const CRIME_RULE_PREFIX = 'WA-CRIME-';
/**
 * Who may act on a wage-arrears warning with a crime-threshold hit: the transfer to the police is the inspection
 * authority's (国务院令第310号 第三条; 人社部发〔2014〕100号), not a 人民调解委员会's, a mass organisation (人民调解法 第七条).
 */
export const CRIME_WARNING_ROLES: readonly string[] = ['INSPECTOR', 'SUPERVISOR'];

/** May this role act on the warning? Any handler, except on a crime-threshold wage-arrears warning. */
export function mayActOnWarning(
  role: string,
  w: { kind: RiskKind; hits: readonly { ruleId: string }[] },
): boolean {
  const crime = w.kind === 'WAGE_ARREARS' && w.hits.some((h) => h.ruleId.startsWith(CRIME_RULE_PREFIX));
  return !crime || CRIME_WARNING_ROLES.includes(role);
}
