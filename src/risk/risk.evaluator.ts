import { getSolarDateFromLunar } from 'chinese-days';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { addDays, compareDates, daysBetween, yearOf } from '../calendar/local-date';
import { FEATURE_BY_NAME, type FeatureVector } from './risk.features';
import {
  maxLevel,
  raiseLevel,
  RISK_KINDS,
  SPRING_FESTIVAL_UPLIFT_DAYS,
  type RiskKind,
  type RiskLevel,
  type RiskRule,
  type RiskRuleSet,
  type RuleCondition,
} from './risk.rules';
import { COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '../complaints/complaint.constants';
import { formatYuan } from '../common/money';

export interface RuleHit {
  ruleId: string;
  kind: RiskKind;
  level: RiskLevel;
  basis: string;
  explanation: string;
  /** The facts the rule tested and its evidence (counts, sums, dates, complaint/case ids). */
  facts: Record<string, unknown>;
}

export interface Evaluation {
  hits: RuleHit[];
  /** Level per kind: the highest contribution of its hits (+1 for construction before Spring Festival). */
  levels: Partial<Record<RiskKind, RiskLevel>>;
  /** True when the Spring Festival uplift applied. */
  uplifted: boolean;
}

/** Spring Festival (正月初一) of a Gregorian year, from the `chinese-days` lunar calendar. */
export function springFestival(year: number): string {
  return getSolarDateFromLunar(`${year}-01-01`).date;
}

/** Is `asOf` within the SPRING_FESTIVAL_UPLIFT_DAYS days before the next Spring Festival (the festival excluded)? */
export function beforeSpringFestival(asOf: string, days = SPRING_FESTIVAL_UPLIFT_DAYS): boolean {
  let sf = springFestival(yearOf(asOf));
  if (compareDates(sf, asOf) <= 0) sf = springFestival(yearOf(asOf) + 1);
  return compareDates(addDays(sf, -days), asOf) <= 0 && daysBetween(asOf, sf) > 0;
}

export function factsOf(c: RuleCondition | RiskRule['conditions']): string[] {
  if ('all' in c) return c.all.flatMap(factsOf);
  if ('any' in c) return c.any.flatMap(factsOf);
  if ('not' in c) return factsOf(c.not);
  const ref = c.value as { fact?: string } | null;
  return ref && typeof ref === 'object' && !Array.isArray(ref) && ref.fact ? [c.fact, ref.fact] : [c.fact];
}

/**
 * How a placeholder may show its value: `{{fact|yuan}}` integer fen as yuan (1250001 → 12500.01元),
 * `{{fact|category}}` a complaint category by its Chinese name, `{{fact|number}}` at most one decimal.
 */
export const EXPLANATION_FILTERS: Record<string, (x: unknown) => string> = {
  yuan: (x) => (typeof x === 'number' ? formatYuan(x) : String(x)),
  category: (x) => COMPLAINT_CATEGORY_LABELS[x as ComplaintCategory] ?? String(x),
  number: (x) => (typeof x === 'number' ? String(Math.round(x * 10) / 10) : String(x)),
};

/** The features an explanation template shows (`{{fact}}` / `{{fact|filter}}`), in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{\{(\w+)(?:\|\w+)?\}\}/g)].map((m) => m[1]);
}

/**
 * Replaces `{{fact}}` by the feature's value (ids lists by their count), `{{fact|filter}}` by the value shown
 * through EXPLANATION_FILTERS (an unknown filter shows the value as it is).
 */
export function explain(template: string, v: FeatureVector): string {
  return template.replace(/\{\{(\w+)(?:\|(\w+))?\}\}/g, (_, name: string, filter?: string) => {
    const x = v[name];
    if (x === undefined || x === null) return '—';
    if (Array.isArray(x)) return String(x.length);
    const show = filter ? EXPLANATION_FILTERS[filter] : undefined;
    return show ? show(x) : String(x);
  });
}

/**
 * A compiled rule set: a json-rules-engine Engine over the rules, evaluated on one feature vector at a time.
 * `evaluate` is a pure function of (rules, vector, asOf): no I/O.
 */
export class CompiledRuleSet {
  private readonly engine: Engine;
  private readonly byId: Map<string, RiskRule>;
  /** The facts the conditions test: which rules fire depends on these values only. */
  private readonly tested: string[];
  /** Fired rule ids by the tested facts' values (the engine runs once per distinct combination). */
  private readonly firedMemo = new Map<string, string[]>();

  constructor(readonly ruleSet: RiskRuleSet) {
    this.byId = new Map(ruleSet.rules.map((r) => [r.id, r]));
    this.tested = [...new Set(ruleSet.rules.flatMap((r) => factsOf(r.conditions)))];
    this.engine = new Engine([], { allowUndefinedFacts: false });
    for (const r of ruleSet.rules) {
      const rule: RuleProperties = {
        name: r.id,
        conditions: r.conditions,
        event: { type: 'hit', params: { ruleId: r.id } },
      };
      this.engine.addRule(rule);
    }
  }

  async evaluate(v: FeatureVector, asOf: string): Promise<Evaluation> {
    // Every catalogue feature is present (null → 0/false/'' by type) so no condition meets an undefined fact.
    const facts: Record<string, unknown> = {};
    for (const [name, def] of FEATURE_BY_NAME) {
      const x = v[name];
      facts[name] =
        x ??
        (def.type === 'boolean'
          ? false
          : def.type === 'ids'
            ? []
            : def.type === 'string' || def.type === 'date'
              ? ''
              : 0);
    }
    const hits: RuleHit[] = [];
    for (const ruleId of await this.fired(facts)) {
      const rule = this.byId.get(ruleId);
      if (!rule) continue;
      const fired: Record<string, unknown> = {};
      // The stored facts hold what the rule tested, its evidence and every figure its explanation shows.
      for (const name of [
        ...factsOf(rule.conditions),
        ...(rule.evidence ?? []),
        ...placeholdersOf(rule.explanation),
      ])
        fired[name] = facts[name];
      hits.push({
        ruleId: rule.id,
        kind: rule.kind,
        level: rule.level,
        basis: rule.basis,
        explanation: explain(rule.explanation, facts as FeatureVector),
        facts: fired,
      });
    }
    hits.sort((a, b) => a.ruleId.localeCompare(b.ruleId));
    const uplifted = facts.construction === true && beforeSpringFestival(asOf);
    const levels: Partial<Record<RiskKind, RiskLevel>> = {};
    for (const kind of RISK_KINDS) {
      let level: RiskLevel | null = null;
      for (const h of hits) if (h.kind === kind) level = maxLevel(level, h.level);
      if (level) levels[kind] = uplifted ? raiseLevel(level) : level;
    }
    return { hits, levels, uplifted };
  }

  /**
   * The ids of the rules json-rules-engine fires on these facts. Only the tested facts decide it, so the result
   * is memoised on their values (the evidence, e.g. id lists, makes every vector unique but changes nothing).
   */
  private async fired(facts: Record<string, unknown>): Promise<string[]> {
    const key = JSON.stringify(this.tested.map((n) => facts[n]));
    let ids = this.firedMemo.get(key);
    if (!ids) {
      const { events } = await this.engine.run(facts);
      ids = events.map((e) => (e.params as { ruleId: string }).ruleId);
      if (this.firedMemo.size > 100_000) this.firedMemo.clear();
      this.firedMemo.set(key, ids);
    }
    return ids;
  }
}
