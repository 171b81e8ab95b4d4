import { DeadlineRuleCatalogue } from './calendar/deadline-catalogue';
import type {
  DeadlineRule,
  DeadlineRuleId,
  DeadlineRuleIds,
  DeadlineRuleSet,
} from './calendar/deadline-rules';
import { MEDIATION_RULE_SET } from './mediation/mediation.deadline-rules';
import { ARBITRATION_PARTY_WINDOW_SET, ARBITRATION_RULE_SET } from './arbitration/arbitration.deadline-rules';
import { INSPECTION_RULE_SET } from './inspection/inspection.deadline-rules';
import { COMPLAINTS_RULE_SET } from './complaints/complaints.deadline-rules';

/**
 * Every proceeding's deadline rules, at the composition root (calendar/ and deadlines/ import no proceeding).
 * `satisfies` makes tsc fail when a proceeding declares rule ids (by augmenting `DeadlineRuleIds`) whose set is not
 * listed here, or lists a set under another proceeding's ids. The order is the catalogue's (GET /api/v1/calendar/rules,
 * the OpenAPI enum of rule ids): mediation, arbitration, inspection, complaints, then the parties' windows.
 */
export const DEADLINE_RULE_SETS = {
  mediation: MEDIATION_RULE_SET,
  arbitration: ARBITRATION_RULE_SET,
  inspection: INSPECTION_RULE_SET,
  complaints: COMPLAINTS_RULE_SET,
  arbitrationPartyWindows: ARBITRATION_PARTY_WINDOW_SET,
} as const satisfies { [T in keyof DeadlineRuleIds]: DeadlineRuleSet<DeadlineRuleIds[T]> };

/** The engine's catalogue of every rule: given to CalendarModule.forRoot by AppModule. */
export const DEADLINE_RULE_CATALOGUE = new DeadlineRuleCatalogue(DEADLINE_RULE_SETS);

/** Every statutory rule by id (what DEADLINE_RULES in calendar/ held before the proceedings owned their rules). */
export const DEADLINE_RULES: Readonly<Record<DeadlineRuleId, DeadlineRule>> = DEADLINE_RULE_CATALOGUE.rules;
