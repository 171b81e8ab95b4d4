import type { ClockEvent, ClockStopReason } from './deadline-engine';
import type { DeadlineRule, DeadlineRuleId, DeadlineRuleSet, LocalisedText } from './deadline-rules';

export interface RuleCatalogueEntry {
  id: DeadlineRuleId;
  name: LocalisedText;
  amount: number;
  unit: DeadlineRule['unit'];
  maxExtension: number;
  direction: DeadlineRule['direction'];
  startEvent: LocalisedText;
  basis: string;
}

/**
 * Every statutory rule the engine knows, from the sets the proceedings contribute (assembled at the composition root,
 * `src/deadline-rules.ts`, and given to `CalendarModule.forRoot`; CalendarService, the calendar controller and
 * DeadlinesService get it injected). calendar/ imports no proceeding: the rules arrive here as data.
 */
export class DeadlineRuleCatalogue {
  /** Every rule by id, in the order of the sets and of each set's table. */
  readonly rules: Readonly<Record<DeadlineRuleId, DeadlineRule>>;
  private readonly startEvents = new Map<string, LocalisedText>();

  /** A rule declared twice, keyed by another id or without its start event is a start-up error. */
  constructor(sets: Readonly<Record<string, DeadlineRuleSet<string>>>) {
    const rules: Record<string, DeadlineRule> = {};
    for (const [name, set] of Object.entries(sets)) {
      for (const [key, rule] of Object.entries(set.rules)) {
        if (rule.id !== key) throw new Error(`deadline rule ${key} of ${name} has the id ${rule.id}`);
        if (Object.prototype.hasOwnProperty.call(rules, key))
          throw new Error(`deadline rule ${key} is declared twice (again by ${name})`);
        const startEvent = set.startEvents[key];
        if (!startEvent) throw new Error(`deadline rule ${key} of ${name} has no start event`);
        rules[key] = rule;
        this.startEvents.set(key, startEvent);
      }
      for (const key of Object.keys(set.startEvents))
        if (!Object.prototype.hasOwnProperty.call(set.rules, key))
          throw new Error(`start event of ${key} in ${name}, which has no such rule`);
    }
    this.rules = rules as Record<DeadlineRuleId, DeadlineRule>;
  }

  /** The ids, in catalogue order. */
  ids(): DeadlineRuleId[] {
    return Object.keys(this.rules) as DeadlineRuleId[];
  }

  has(id: string): id is DeadlineRuleId {
    return Object.prototype.hasOwnProperty.call(this.rules, id);
  }

  /** The rule of a clock (its stored rule id); an unknown id is a programming error. */
  rule(id: string): DeadlineRule {
    if (!this.has(id)) throw new Error(`unknown deadline rule ${id}`);
    return this.rules[id];
  }

  /** Whether a clock of the rule is the staff's to meet (due lists, reminders, at-risk); a party's window is not. */
  isStaffDuty(ruleId: string): boolean {
    return !this.has(ruleId) || this.rules[ruleId].holder !== 'PARTY';
  }

  /**
   * The STOP that ends a clock of the rule with its case (DeadlinesService.stopAll), or null: a party's window that
   * outlives the case (to sue, to set aside) runs on. A party's window in the case ends as CASE_CLOSED (ENDED, or
   * LAPSED once run out) unless `reason` says more.
   */
  closingStop(ruleId: string, date: string, reason?: ClockStopReason): ClockEvent | null {
    if (this.has(ruleId) && this.rules[ruleId].outlivesCase) return null;
    const why = reason ?? (this.isStaffDuty(ruleId) ? undefined : 'CASE_CLOSED');
    return why ? { type: 'STOP', date, reason: why } : { type: 'STOP', date };
  }

  /**
   * What starts each statutory period, in words people use, and on which basis: the catalogue behind
   * GET /api/v1/calendar/rules, in catalogue order.
   */
  entries(): RuleCatalogueEntry[] {
    return Object.values(this.rules).map((r) => ({
      id: r.id as DeadlineRuleId,
      name: r.name,
      amount: r.amount,
      unit: r.unit,
      maxExtension: r.maxExtension,
      direction: r.direction,
      startEvent: this.startEvents.get(r.id)!,
      basis: r.citation,
    }));
  }
}
