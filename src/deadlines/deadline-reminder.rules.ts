/**
 * When the owner of a case is reminded of a running statutory period (platform policy, not statute): an inbox item
 * when 3 calendar days or fewer remain, another when 1 day or fewer remains; once per clock and threshold.
 */
// Platform policy (issue 14.3: approaching deadlines put an item in the owner's inbox); not a statutory number.
export const DEADLINE_REMINDER_DAYS = [3, 1] as const;
export type DeadlineReminderDays = (typeof DEADLINE_REMINDER_DAYS)[number];

/** The threshold a running period has reached (the tightest), or null when none yet or no due date. */
export function reminderThreshold(daysRemaining: number | null): DeadlineReminderDays | null {
  if (daysRemaining === null || daysRemaining < 0) return null;
  let reached: DeadlineReminderDays | null = null;
  for (const t of DEADLINE_REMINDER_DAYS) if (daysRemaining <= t) reached = t;
  return reached;
}
