import type { WarningStatus } from './risk.rules';

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
