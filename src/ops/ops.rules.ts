import { JobName, QueueName } from '../queue/job-catalogue';

/**
 * The scheduled work an ADMIN may start now instead of waiting for the night (POST /api/v1/admin/sweeps/:name):
 * each name enqueues the very job the scheduler runs (JOB_SCHEDULES), with the scheduled run's empty payload.
 * Add a line here when a module adds a sweep.
 */
export const SWEEPS = {
  /** Mediations past their 15 days expire, overdue instalments and defaulted agreements (调解仲裁法 第十四条). */
  'mediation-daily': JobName.MediationDailySweep,
  /** Running statutory periods with 3 or 1 days left: an item in the case owners' inboxes. */
  'deadline-reminders': JobName.DeadlineReminderSweep,
  /** Wage-arrears blacklist listings past their 3 years become EXPIRED. */
  'blacklist-expiry': JobName.ComplianceBlacklistSweep,
  /** Red warnings not acknowledged within 2 hours go to the jurisdiction's supervisors. */
  'risk-escalation': JobName.RiskEscalationSweep,
  /** Idempotency-Key records older than IDEMPOTENCY_TTL_HOURS are deleted. */
  'idempotency-purge': JobName.IdempotencyPurge,
} as const satisfies Record<string, JobName>;
export type SweepName = keyof typeof SWEEPS;
export const SWEEP_NAMES = Object.keys(SWEEPS) as SweepName[];

export function isSweepName(name: string): name is SweepName {
  return Object.prototype.hasOwnProperty.call(SWEEPS, name);
}

/**
 * The job id of a manual run: one per job name, so a second trigger while the first is queued or running finds it
 * (and the add itself would be a no-op). Manual runs are removed once finished, which frees the id.
 */
export function manualJobId(job: JobName): string {
  return `manual.${job}`;
}

/** Job states the console lists; `failed` jobs can be retried. */
export const CONSOLE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type ConsoleState = (typeof CONSOLE_STATES)[number];

export const QUEUE_NAMES = Object.values(QueueName);

export function isQueueName(name: string): name is QueueName {
  return (QUEUE_NAMES as string[]).includes(name);
}
