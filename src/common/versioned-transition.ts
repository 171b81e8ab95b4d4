import type { EntityManager } from 'typeorm';
import { AppException } from './errors/app-exception';

/** A row written under optimistic concurrency: its state and the version a client must have read to change it. */
export interface VersionedRow<S extends string> {
  readonly status: S;
  readonly version: number;
}

/** A state table: from → action → to. A missing entry is an action the state does not allow. */
export type TransitionTable<S extends string, A extends string> = Readonly<
  Record<S, Readonly<Partial<Record<A, S>>>>
>;

/** A state machine: its table and its actions in the order the 409 details list them. */
export interface StateMachine<S extends string, A extends string> {
  table: TransitionTable<S, A>;
  actions: readonly A[];
}

/** The actions a status allows, in the machine's order. */
export function allowedIn<S extends string, A extends string>(m: StateMachine<S, A>, status: S): A[] {
  return m.actions.filter((a) => m.table[status][a] !== undefined);
}

/**
 * 409 STALE_VERSION: the row changed since the client read it. One shape everywhere (docs/state-machines.md):
 * `details: {version}`, the row's current version, so the client can re-read and retry.
 */
export function staleVersion(what: string, current: number): AppException {
  return AppException.conflict('STALE_VERSION', `${what} changed since it was read`, { version: current });
}

/** 409 ILLEGAL_TRANSITION with `details: {status, action, allowed}` (the actions the state allows). */
export function illegalTransition<S extends string, A extends string>(
  what: string,
  machine: StateMachine<S, A>,
  status: S,
  action: A,
): AppException {
  return AppException.conflict('ILLEGAL_TRANSITION', `${what} in status ${status} does not allow ${action}`, {
    status,
    action,
    allowed: allowedIn(machine, status),
  });
}

/** The next status by the table, or 409 ILLEGAL_TRANSITION. */
export function nextByTable<S extends string, A extends string>(
  what: string,
  machine: StateMachine<S, A>,
  status: S,
  action: A,
): S {
  const to = machine.table[status][action];
  if (to === undefined) throw illegalTransition(what, machine, status, action);
  return to;
}

/** How to find, scope and version-check the row of one write. */
export interface VersionedWrite<R extends VersionedRow<string>> {
  /** "The case", "The listing": the subject of the error messages. */
  what: string;
  /** Locks the row (SELECT … FOR UPDATE) in the write's transaction; null when there is none. */
  lock: (em: EntityManager) => Promise<R | null>;
  /** Whether the caller may write this row; a row out of scope is not found (404, not 403). */
  inScope: (row: R) => boolean;
  notFound: () => AppException;
  /** The version the client read. */
  version: number;
}

/** Lock → scope (404) → version (409 STALE_VERSION): what every versioned write does first. */
export async function lockVersioned<R extends VersionedRow<string>>(
  em: EntityManager,
  w: VersionedWrite<R>,
): Promise<R> {
  const row = await w.lock(em);
  if (!row || !w.inScope(row)) throw w.notFound();
  assertVersion(w.what, row.version, w.version);
  return row;
}

/** The version check alone (409 STALE_VERSION), for a write that checks other things between lock and version. */
export function assertVersion(what: string, current: number, read: number): void {
  if (current !== read) throw staleVersion(what, current);
}

/**
 * One versioned transition, in the caller's transaction: lock the row, check scope (404), the version the client read
 * (409 STALE_VERSION) and the state table (409 ILLEGAL_TRANSITION); then `apply` does the step and writes the row
 * (bumping its version), and `record` appends the timeline event. Returns what `apply` returned.
 */
export async function versionedTransition<R extends VersionedRow<S>, S extends string, A extends string, T>(
  em: EntityManager,
  w: VersionedWrite<R> & { action: A; machine: StateMachine<S, A> },
  apply: (row: R, to: S) => Promise<T>,
  record: (row: R, to: S, applied: T) => Promise<void>,
): Promise<T> {
  const row = await lockVersioned(em, w);
  const to = nextByTable(w.what, w.machine, row.status, w.action);
  const applied = await apply(row, to);
  await record(row, to, applied);
  return applied;
}
