/**
 * The step a complaint's dispute is at: of the last case of each proceeding, the one started last — arbitration
 * before mediation before inspection on the same day (list them in that order), since an escalation opens the
 * arbitration the day the mediation ends; two started the same day that both give `at` (the instant the case was
 * opened) by that instant: a complaint re-routed from a withdrawn mediation to the brigade the day both were opened
 * is at the inspection. The worker's case file shows it; a party's message goes to its staff.
 */
export function startedLast<T extends { on: string; at?: string }>(
  started: readonly (T | null | undefined)[],
): T | undefined {
  let latest: T | undefined;
  for (const s of started)
    if (s && (latest === undefined || s.on > latest.on || (s.on === latest.on && openedLater(s, latest))))
      latest = s;
  return latest;
}

const openedLater = (a: { at?: string }, b: { at?: string }) =>
  a.at !== undefined && b.at !== undefined && a.at > b.at;
