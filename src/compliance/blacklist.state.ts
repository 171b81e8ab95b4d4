import type { StateMachine } from '../common/versioned-transition';

/** The lifecycle of a listing on the 拖欠农民工工资失信联合惩戒名单 (docs/state-machines.md). */
export const BLACKLIST_STATUSES = ['LISTED', 'REMOVED', 'EXPIRED'] as const;
export type BlacklistStatus = (typeof BLACKLIST_STATUSES)[number];

export type BlacklistAction = 'REMOVE_EARLY' | 'EXPIRE';

/** Allowed transitions: from → action → to. REMOVED and EXPIRED are final. */
export const BLACKLIST_TRANSITIONS: Record<
  BlacklistStatus,
  Partial<Record<BlacklistAction, BlacklistStatus>>
> = {
  LISTED: { REMOVE_EARLY: 'REMOVED', EXPIRE: 'EXPIRED' },
  REMOVED: {},
  EXPIRED: {},
};

/** The listing machine, for the versioned-transition helper (common/versioned-transition). */
export const BLACKLIST_MACHINE: StateMachine<BlacklistStatus, BlacklistAction> = {
  table: BLACKLIST_TRANSITIONS,
  actions: ['REMOVE_EARLY', 'EXPIRE'],
};

/** The next status, or null when the action is not allowed from `from`. */
export function nextBlacklistStatus(from: BlacklistStatus, action: BlacklistAction): BlacklistStatus | null {
  return BLACKLIST_TRANSITIONS[from][action] ?? null;
}
