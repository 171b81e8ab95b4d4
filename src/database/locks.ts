import type { EntityManager } from 'typeorm';
import { prepared } from './prepared-statements';

/**
 * Every PostgreSQL advisory lock the platform takes, with one key scheme: the lock's name, or `name:id` for a lock
 * per row, hashed by PostgreSQL (`hashtext`) into the one-argument key space. Names are `<module>.<what>`.
 * The locks live only while a transaction (xact) or a session holds them, so renaming a key needs no migration
 * (but, during a rolling deploy, old and new processes would not exclude each other for that one lock).
 * Two families keep numeric keys, declared below so that this file lists every lock: the migration lock (a fixed
 * number every version of the platform has used: changing it would let two versions migrate at once) and the SLA
 * case stripes (two-key locks, a key space apart from the one-key locks).
 */
export const LOCKS = {
  /** One daily mediation sweep at a time (try). */
  mediationSweep: 'mediation.daily-sweep',
  /** One blacklist expiry sweep at a time (try). */
  blacklistSweep: 'compliance.blacklist-sweep',
  /** One grading run per year at a time (waits; per year). */
  gradeYear: 'compliance.grade-year',
  /** One deadline-reminder sweep at a time (try). */
  reminderSweep: 'deadlines.reminder-sweep',
  /** Applications for one complaint, serialised (per complaint). */
  arbitrationApplication: 'arbitration.application',
  /** Hearing scheduling and its double-booking checks, serialised. */
  arbitrationHearings: 'arbitration.hearings',
  /** Layoff filings of one employer, serialised so each sees the others for the split rule (per employer). */
  layoffEmployer: 'filings.layoff-employer',
  /** Additions to one complaint's case file (evidence), serialised (per complaint). */
  evidenceCaseFile: 'evidence.case-file',
  /** Inspection case creation for one complaint, serialised (per complaint). */
  inspectionCase: 'inspection.case',
  /** Additions to one province's wage-crime thresholds, serialised (per province). */
  wageCrimeThresholds: 'inspection.wage-crime-thresholds',
  /** SMS code requests for one phone, serialised (per blind index). */
  otpPhone: 'auth.otp-phone',
  /**
   * Staff intake naming a phone and the linking of complaints to the worker account of that phone, serialised (per
   * phone blind index), so a complaint filed while the worker records his identity is linked by one or the other.
   */
  complainantAccount: 'complaints.complainant-account',
  /** Changes that could remove the last active admin, serialised. */
  activeAdmins: 'staff.active-admins',
  /** One sender delivering a message at a time (session lock; per dedup key). */
  smsDelivery: 'notifications.sms-delivery',
  /** One request running per Idempotency-Key (try; per scope and key). */
  idempotencyKey: 'idempotency.key',
  /** Edits of the risk rule sets, serialised. */
  riskRuleSets: 'risk.rule-sets',
  /** One risk scoring run at a time (session lock, try). */
  riskScoringRun: 'risk.scoring-run',
  /** One full KPI recompute at a time across every worker (try). */
  slaRecompute: 'sla.recompute-all',
} as const;

/** Migrations, serialised between processes starting together (session lock; "lrp-migrate"). Never change it. */
export const MIGRATION_LOCK_KEY = 0x6c72706d;

/**
 * First key of the SLA read model's two-key stripe locks (`pg_advisory_xact_lock(class, stripe)`): cases locked by
 * stripe (hash of the case modulo SLA_CASE_LOCK_STRIPES), in stripe order (sla.repository.ts refreshCases).
 */
export const SLA_CASE_LOCK_CLASS = 0x51a_0002;

export type LockName = (typeof LOCKS)[keyof typeof LOCKS];

/** The key text of a lock: its name, or `name:id`. */
export function lockKey(name: LockName, id?: string | number): string {
  return id === undefined ? name : `${name}:${id}`;
}

/** Waits for the lock and holds it until the transaction ends. */
export async function xactLock(em: EntityManager, name: LockName, id?: string | number): Promise<void> {
  await em.query(prepared('SELECT pg_advisory_xact_lock(hashtext($1))'), [lockKey(name, id)]);
}

/** Takes the lock until the transaction ends without waiting; false when another transaction holds it. */
export async function tryXactLock(em: EntityManager, name: LockName, id?: string | number): Promise<boolean> {
  const [row] = await em.query<{ locked: boolean }[]>(
    prepared('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked'),
    [lockKey(name, id)],
  );
  return row.locked;
}

/** Waits for the lock and holds it for the session (released by `sessionUnlock` or the connection's end). */
export async function sessionLock(em: EntityManager, name: LockName, id?: string | number): Promise<void> {
  await em.query(prepared('SELECT pg_advisory_lock(hashtext($1))'), [lockKey(name, id)]);
}

/** Takes the lock for the session without waiting; false when another session holds it. */
export async function trySessionLock(
  em: EntityManager,
  name: LockName,
  id?: string | number,
): Promise<boolean> {
  const [row] = await em.query<{ locked: boolean }[]>(
    prepared('SELECT pg_try_advisory_lock(hashtext($1)) AS locked'),
    [lockKey(name, id)],
  );
  return row.locked;
}

export async function sessionUnlock(em: EntityManager, name: LockName, id?: string | number): Promise<void> {
  await em.query(prepared('SELECT pg_advisory_unlock(hashtext($1))'), [lockKey(name, id)]);
}
