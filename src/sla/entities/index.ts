import { SlaCaseFact } from './sla-case-fact.entity';
import { SlaHandlingDay } from './sla-handling-day.entity';
import { SlaMonthlyCell } from './sla-monthly-cell.entity';
import { SlaRecomputeRun } from './sla-recompute-run.entity';

export { SlaCaseFact, SlaHandlingDay, SlaMonthlyCell, SlaRecomputeRun };

/** The SLA module's entities, listed in src/entities.ts. */
export const SLA_ENTITIES = [SlaCaseFact, SlaMonthlyCell, SlaRecomputeRun, SlaHandlingDay];
