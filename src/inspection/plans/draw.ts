import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { coversJurisdiction } from '../../auth/roles';

/**
 * 双随机一公开 draw (国办发〔2015〕58号): randomly pick the employers to inspect, then randomly pick the inspectors
 * for each. Pure and deterministic: the same (candidates, inspectors, conflicts, seed, count) always give the
 * same result, whatever order the inputs arrive in (they are sorted by id, by UTF-16 code units, first).
 *
 * The random stream (xoroshiro128plus seeded with the plan's 32-bit seed) is consumed in two phases:
 *   1. `count` employers, by weighted sampling without replacement over the drawable candidates;
 *   2. for each drawn employer in draw order, `perEmployer` distinct inspectors by partial Fisher-Yates over
 *      the eligible inspectors (covering the employer's street, no declared conflict), sorted by id.
 * Phase 1 depends only on the drawable candidate list, the seed and the count.
 */
export const DRAW_ALGORITHM = 'xoroshiro128plus/v1';
/** Two inspectors per check (劳动保障监察条例 第十六条: 劳动保障监察员进行调查、检查，不得少于2人). */
export const INSPECTORS_PER_EMPLOYER = 2;
export const MAX_SEED = 0xffff_ffff;
/** A weight is a small positive integer (integer arithmetic keeps the draw exact on every platform). */
export const MAX_WEIGHT = 100;

export interface DrawCandidate {
  employerId: string;
  streetCode: string;
  weight: number;
}

export interface DrawInspector {
  id: string;
  jurisdictions: string[];
}

export interface DrawConflict {
  inspectorId: string;
  employerId: string;
}

export interface DrawInput {
  seed: number;
  count: number;
  candidates: readonly DrawCandidate[];
  inspectors: readonly DrawInspector[];
  conflicts: readonly DrawConflict[];
  perEmployer?: number;
}

export interface DrawnItem {
  /** 1-based draw order. */
  position: number;
  employerId: string;
  streetCode: string;
  inspectorIds: string[];
}

export interface DrawResult {
  items: DrawnItem[];
  /** Candidates that matched the filters. */
  matched: number;
  /** Candidates with enough eligible inspectors to be drawn. */
  drawable: number;
  /** Candidates left out because fewer than `perEmployer` inspectors may inspect them (sorted ids). */
  withoutInspectors: string[];
}

/** The request cannot be drawn (more employers asked for than may be drawn, or malformed input). */
export class DrawError extends Error {
  constructor(
    readonly reason: 'TOO_FEW_CANDIDATES' | 'INVALID_INPUT',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortCandidates(candidates: readonly DrawCandidate[]): DrawCandidate[] {
  return [...candidates].sort((a, b) => byCodeUnits(a.employerId, b.employerId));
}

export function sortInspectors(inspectors: readonly DrawInspector[]): DrawInspector[] {
  return [...inspectors]
    .map((i) => ({ id: i.id, jurisdictions: [...i.jurisdictions].sort(byCodeUnits) }))
    .sort((a, b) => byCodeUnits(a.id, b.id));
}

function sortConflicts(conflicts: readonly DrawConflict[]): DrawConflict[] {
  return [...conflicts].sort(
    (a, b) => byCodeUnits(a.inspectorId, b.inspectorId) || byCodeUnits(a.employerId, b.employerId),
  );
}

const conflictKey = (inspectorId: string, employerId: string): string => `${inspectorId}|${employerId}`;

/** Ids (sorted) of the inspectors who may inspect this employer: jurisdiction covers its street, no conflict. */
export function eligibleInspectors(
  candidate: Pick<DrawCandidate, 'employerId' | 'streetCode'>,
  sortedInspectors: readonly DrawInspector[],
  conflicted: ReadonlySet<string>,
): string[] {
  return sortedInspectors
    .filter(
      (i) =>
        coversJurisdiction(i, candidate.streetCode) &&
        !conflicted.has(conflictKey(i.id, candidate.employerId)),
    )
    .map((i) => i.id);
}

/** sha256 over the ordered candidates ("employerId:streetCode:weight" lines): identifies the register snapshot. */
export function registerSnapshotHash(candidates: readonly DrawCandidate[]): string {
  const lines = sortCandidates(candidates).map((c) => `${c.employerId}:${c.streetCode}:${c.weight}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** sha256 over the ordered inspector pool ("id:jurisdictions") and conflicts ("conflict:inspectorId:employerId"). */
export function inspectorPoolHash(
  inspectors: readonly DrawInspector[],
  conflicts: readonly DrawConflict[],
): string {
  const lines = [
    ...sortInspectors(inspectors).map((i) => `${i.id}:${i.jurisdictions.join(',')}`),
    ...sortConflicts(conflicts).map((c) => `conflict:${c.inspectorId}:${c.employerId}`),
  ];
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

function validate(input: DrawInput, perEmployer: number): void {
  const bad = (field: string, message: string) =>
    new DrawError('INVALID_INPUT', `${field} ${message}`, { field });
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > MAX_SEED)
    throw bad('seed', `must be an integer 0..${MAX_SEED}`);
  if (!Number.isInteger(input.count) || input.count < 1) throw bad('count', 'must be a positive integer');
  if (!Number.isInteger(perEmployer) || perEmployer < 1)
    throw bad('perEmployer', 'must be a positive integer');
  const ids = new Set<string>();
  for (const c of input.candidates) {
    if (ids.has(c.employerId)) throw bad('candidates', `list employer ${c.employerId} twice`);
    ids.add(c.employerId);
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > MAX_WEIGHT)
      throw bad('candidates', `weight must be an integer 1..${MAX_WEIGHT}`);
  }
}

/** Weighted sampling without replacement: `count` indexes into `weights`, in draw order. */
function sampleWeighted(rng: RandomGenerator, weights: readonly number[], count: number): number[] {
  const remaining = weights.map((w, index) => ({ w, index }));
  let total = weights.reduce((s, w) => s + w, 0);
  const picked: number[] = [];
  for (let k = 0; k < count; k++) {
    let r = uniformInt(rng, 0, total - 1);
    let at = 0;
    while (r >= remaining[at].w) r -= remaining[at++].w;
    picked.push(remaining[at].index);
    total -= remaining[at].w;
    remaining.splice(at, 1);
  }
  return picked;
}

/** `k` distinct elements by partial Fisher-Yates, in pick order. */
function pickDistinct(rng: RandomGenerator, ids: readonly string[], k: number): string[] {
  const a = [...ids];
  for (let i = 0; i < k; i++) {
    const j = uniformInt(rng, i, a.length - 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

/** The draw. Throws DrawError when fewer than `count` candidates may be drawn. */
export function drawPlan(input: DrawInput): DrawResult {
  const perEmployer = input.perEmployer ?? INSPECTORS_PER_EMPLOYER;
  validate(input, perEmployer);
  const candidates = sortCandidates(input.candidates);
  const inspectors = sortInspectors(input.inspectors);
  const conflicted = new Set(input.conflicts.map((c) => conflictKey(c.inspectorId, c.employerId)));

  const drawable: { c: DrawCandidate; eligible: string[] }[] = [];
  const withoutInspectors: string[] = [];
  for (const c of candidates) {
    const eligible = eligibleInspectors(c, inspectors, conflicted);
    if (eligible.length >= perEmployer) drawable.push({ c, eligible });
    else withoutInspectors.push(c.employerId);
  }
  if (input.count > drawable.length)
    throw new DrawError(
      'TOO_FEW_CANDIDATES',
      `${input.count} employers requested but only ${drawable.length} of ${candidates.length} matching may be drawn`,
      { requested: input.count, matched: candidates.length, drawable: drawable.length },
    );

  const rng = xoroshiro128plus(input.seed);
  const order = sampleWeighted(
    rng,
    drawable.map((d) => d.c.weight),
    input.count,
  );
  const items = order.map((index, n) => {
    const { c, eligible } = drawable[index];
    return {
      position: n + 1,
      employerId: c.employerId,
      streetCode: c.streetCode,
      inspectorIds: pickDistinct(rng, eligible, perEmployer),
    };
  });
  return { items, matched: candidates.length, drawable: drawable.length, withoutInspectors };
}

/** Risk levels of the early-warning module, lowest first. */
export const RISK_LEVELS = ['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
/** Weights by the employer's highest open warning level; NONE is an employer without one. Missing keys weigh 1. */
export type RiskWeights = Partial<Record<RiskLevel | 'NONE', number>>;

export function weightFor(level: RiskLevel | null, weights: RiskWeights | null | undefined): number {
  return weights?.[level ?? 'NONE'] ?? 1;
}
