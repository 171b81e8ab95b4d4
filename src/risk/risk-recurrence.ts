import { levelRank, type RiskLevel } from './risk.rules';

/** A warning's hits as stored (rule id and the facts that fired it, id lists among them). */
export interface StoredHits {
  level: RiskLevel;
  hits: readonly { ruleId: string; facts: Record<string, unknown> }[];
}

/** Every id of a hit's evidence: the elements of its id-list facts (complaint, case, signal... ids). */
function evidenceIds(hits: StoredHits['hits']): Set<string> {
  const ids = new Set<string>();
  for (const h of hits)
    for (const v of Object.values(h.facts))
      if (Array.isArray(v)) for (const id of v) if (typeof id === 'string') ids.add(id);
  return ids;
}

/**
 * Did the latest CLOSED warning of an employer and kind already cover what fires now? Staff closed it with a
 * disposal; raising it again every night while its facts stay in the window asks them to dispose of the same facts
 * again (platform policy). Covered when no rule fires that it did not hold, no evidence id appears that it did not
 * hold, and the level is not higher; new evidence, a new rule or a higher level raises a new warning.
 */
export function coveredByClosed(closed: StoredHits | undefined, now: StoredHits): boolean {
  if (!closed || levelRank(now.level) > levelRank(closed.level)) return false;
  const rules = new Set(closed.hits.map((h) => h.ruleId));
  if (now.hits.some((h) => !rules.has(h.ruleId))) return false;
  const ids = evidenceIds(closed.hits);
  for (const id of evidenceIds(now.hits)) if (!ids.has(id)) return false;
  return true;
}
