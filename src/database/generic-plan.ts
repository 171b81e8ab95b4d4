import type { EntityManager } from 'typeorm';
import { preparedName } from './prepared-statements';
import { inTransaction } from './transaction';

const GENERIC_PLAN = 'SET LOCAL plan_cache_mode = force_generic_plan';

/**
 * Runs a named prepared text (`prepared`) on its generic plan from its first call on a connection. Left to choose,
 * PostgreSQL plans the first five calls of a text on each connection for their values before it compares them with
 * the generic plan; for a large statement whose generic plan is as good (the risk features of 1–16 employers by
 * key: calls 2–5 of a connection 11–25 ms each on the pudong set, 0.5–9.1 ms on the generic plan; bench/README.md
 * "Fourteenth pass") those five cost more than the run. SET LOCAL needs a transaction: on the pool, three more round
 * trips (BEGIN, SET, COMMIT); inside a caller's transaction, or for an unnamed text, the query runs as it is.
 */
export async function queryOnGenericPlan<T>(em: EntityManager, text: string, params: unknown[]): Promise<T> {
  if (preparedName(text) === undefined || inTransaction(em)) return em.query<T>(text, params);
  return em.transaction(async (tem) => {
    await tem.query(GENERIC_PLAN);
    return tem.query<T>(text, params);
  });
}
