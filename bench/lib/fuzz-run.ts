import fc from 'fast-check';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CALLER_ROLE, type Caller, type World } from './fixtures';
import { fuzzBodies } from './fuzz-bodies';
import { call, errorShapeProblem } from './inject';
import { operations, type OpenApiDocument, type Operation, type RouteAccess } from './openapi-ops';
import { headersFor, sampleBody, urlFor } from './params';

/** One answer the fuzz counts as a failure. */
export interface FuzzFailure {
  status: number;
  problem: string;
  kind: string;
  /** the start of the body sent and of the answer */
  sent: string;
  answer: string;
}

export interface FuzzResult {
  operationId: string;
  method: string;
  path: string;
  caller: Caller | 'anonymous';
  sent: number;
  statuses: Record<number, number>;
  serverErrors: FuzzFailure[];
  shapeBreaks: FuzzFailure[];
  /** sessions ended by a fuzzed logout and signed in again */
  relogins: number;
  ms: number;
}

/** The write operations that take a JSON body. */
export function fuzzTargets(doc: OpenApiDocument): Operation[] {
  return operations(doc).filter((o) => o.method !== 'GET' && o.jsonBody);
}

/** The staff that usually does the operation first, then anyone allowed. */
const PREFERRED: [RegExp, Caller][] = [
  [/^\/api\/v1\/mediation\//, 'mediator'],
  [/^\/api\/v1\/arbitration\//, 'arbitrator'],
  [/^\/api\/v1\/(inspection|compliance|filings)\//, 'inspector'],
  [/^\/api\/v1\/my\//, 'workerA'],
];
const FALLBACK: Caller[] = ['supervisor', 'admin', 'mediator', 'arbitrator', 'inspector', 'workerA'];

/** A caller whose role the operation allows (so that validation is reached), or null for a public one. */
export function callerFor(op: Operation, access: RouteAccess | undefined): Caller | null {
  if (!access || access.public) return null;
  const preferred = PREFERRED.filter(([re]) => re.test(op.path)).map(([, c]) => c);
  const caller = [...preferred, ...FALLBACK].find((c) => access.roles.includes(CALLER_ROLE[c]));
  if (!caller) throw new Error(`no caller for ${op.operationId} (roles ${access.roles.join(', ')})`);
  return caller;
}

/** A per-operation seed: the run's seed mixed with the operationId (so one operation can be replayed alone). */
export function operationSeed(seed: number, operationId: string): number {
  let h = seed | 0;
  for (let i = 0; i < operationId.length; i++) h = (Math.imul(h, 31) + operationId.charCodeAt(i)) | 0;
  return h;
}

const CHUNK = 100;

/** Sends `count` fuzzed bodies to one operation; counts statuses, 5xx and answers out of the error shape. */
export async function fuzzOperation(
  app: NestFastifyApplication,
  doc: OpenApiDocument,
  op: Operation,
  world: World,
  access: RouteAccess | undefined,
  count: number,
  seed: number,
): Promise<FuzzResult> {
  const started = Date.now();
  const caller = callerFor(op, access);
  const { url } = urlFor(op, world.objects);
  const headers = headersFor(op, world.objects);
  const arb = fuzzBodies(doc, op.jsonBody!, sampleBody(doc, op, world.objects));
  const result: FuzzResult = {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    caller: caller ?? 'anonymous',
    sent: 0,
    statuses: {},
    serverErrors: [],
    shapeBreaks: [],
    relogins: 0,
    ms: 0,
  };
  const opSeed = operationSeed(seed, op.operationId);
  // In chunks, so that a large count never holds every body (some are 1 MB) at once.
  for (let chunk = 0; result.sent < count; chunk++) {
    const bodies = fc.sample(arb, { seed: opSeed + chunk, numRuns: Math.min(CHUNK, count - result.sent) });
    for (const body of bodies) {
      const send = () =>
        call(app, {
          method: op.method,
          url,
          token: caller ? world.tokens[caller] : undefined,
          headers,
          raw: body.text,
        });
      let reply = await send();
      if (
        reply.status === 401 &&
        caller &&
        (reply.body as { code?: string })?.code !== 'INVALID_CREDENTIALS'
      ) {
        // A fuzzed logout (or password change) ended the session: sign in again and send the body once more.
        await world.relogin(caller);
        result.relogins++;
        reply = await send();
      }
      result.sent++;
      result.statuses[reply.status] = (result.statuses[reply.status] ?? 0) + 1;
      const failure = (problem: string): FuzzFailure => ({
        status: reply.status,
        problem,
        kind: body.kind,
        sent: body.text.slice(0, 300),
        answer: reply.text.slice(0, 300),
      });
      if (reply.status >= 500) result.serverErrors.push(failure('5xx'));
      const shape = errorShapeProblem(reply);
      if (shape) result.shapeBreaks.push(failure(shape));
    }
  }
  result.ms = Date.now() - started;
  return result;
}

/** Totals over the operations, for the report line. */
export function totals(results: FuzzResult[]): { sent: number; serverErrors: number; shapeBreaks: number } {
  return results.reduce(
    (t, r) => ({
      sent: t.sent + r.sent,
      serverErrors: t.serverErrors + r.serverErrors.length,
      shapeBreaks: t.shapeBreaks + r.shapeBreaks.length,
    }),
    { sent: 0, serverErrors: 0, shapeBreaks: 0 },
  );
}

/** One line per operation: counts by status class, 5xx and shape breaks. */
export function formatResult(r: FuzzResult): string {
  const by = (lo: number, hi: number) =>
    Object.entries(r.statuses)
      .filter(([s]) => Number(s) >= lo && Number(s) < hi)
      .reduce((n, [, c]) => n + c, 0);
  return (
    `${r.method.padEnd(5)} ${r.path.padEnd(66)} ${String(r.caller).padEnd(10)} ${String(r.sent).padStart(5)} bodies ` +
    `2xx ${String(by(200, 300)).padStart(4)} 4xx ${String(by(400, 500)).padStart(5)} 5xx ${r.serverErrors.length} ` +
    `shape ${r.shapeBreaks.length} ${r.ms} ms`
  );
}

/**
 * Keys the fuzz's `__proto__` / `constructor.prototype` bodies try to plant, found on Object.prototype (the
 * fuzz runs in the app's process, so a pollution anywhere in parsing or validation would show here).
 */
export function pollutedPrototypeKeys(): string[] {
  return ['polluted', 'role', 'isAdmin'].filter((k) =>
    Object.prototype.hasOwnProperty.call(Object.prototype, k),
  );
}
