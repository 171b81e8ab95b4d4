/**
 * The step a complaint's dispute is at: of the last case of each proceeding, the one started last — arbitration
 * before mediation before inspection on the same day (list them in that order), since an escalation opens the
 * arbitration the day the mediation ends. The worker's case file shows it; a party's message goes to its staff.
 */
export function startedLast<T extends { on: string }>(
  started: readonly (T | null | undefined)[],
): T | undefined {
  let latest: T | undefined;
  for (const s of started) if (s && (latest === undefined || s.on > latest.on)) latest = s;
  return latest;
}
