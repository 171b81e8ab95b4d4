/**
 * Errors that mean "the database (or the network to it) is away", not "the request is wrong" or "a bug": the
 * API answers 503 SERVICE_UNAVAILABLE with Retry-After, never 500 (issue 15, defect 4).
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  // PostgreSQL SQLSTATE class 08 (connection exception) and 57P (operator intervention: shutdown, restart).
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  // too_many_connections, cannot_connect_now during recovery
  '53300',
]);

const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection (?:is )?(?:closed|ended)/i,
  /terminating connection due to administrator command/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
];

/** TypeORM's errors for a query on a connection it already released after the server dropped it. */
const RELEASED_RUNNER_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((re) => re.test(message))) return true;
    // TypeORM released the transaction's connection after the server dropped it; the transaction did not commit.
    if (RELEASED_RUNNER_ERRORS.has((e as { name?: unknown }).name as string)) return true;
    // TypeORM wraps the driver's error (QueryFailedError.driverError); others use `cause`.
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
