import type { DefaultJobOptions } from 'bullmq';
import type { SmsTemplateId } from '../notifications/templates';

/** Every queue of the platform. */
export enum QueueName {
  Notifications = 'notifications',
  /** Scheduled sweeps (overdue instalments, expired periods): singleton work, one at a time. */
  Maintenance = 'maintenance',
  /** KPI read model: per-case refreshes and the nightly recompute. */
  Sla = 'sla',
  /** Risk scoring of single employers and the escalation sweep (the nightly run goes to Maintenance). */
  Risk = 'risk',
}

/** Every job of the platform; each has exactly one handler (checked at start-up). */
export enum JobName {
  /** Tell a complainant or reporter their complaint was received, with its tracking number. */
  ComplaintAcknowledge = 'complaint.acknowledge',
  /** Tell the complainant of a case about a party-facing event (session scheduled, award issued, ...). */
  PartyNotify = 'party.notify',
  /** Remind an employer's contact (instalments due or overdue). */
  EmployerNotify = 'employer.notify',
  /** Tell a worker about her account (staff corrected her recorded identity), at its sign-in number. */
  WorkerNotify = 'worker.notify',
  /** Nightly: Idempotency-Key records older than IDEMPOTENCY_TTL_HOURS are deleted. */
  IdempotencyPurge = 'idempotency.purge',
  // (mediation jobs)
  /** Daily: expire mediations past their 15 days, mark overdue instalments and defaulted agreements. */
  MediationDailySweep = 'mediation.daily-sweep',
  ArbitrationLatenessSweep = 'arbitration.lateness-sweep',
  // (arbitration jobs)
  // (inspection jobs)
  /**
   * An ADMIN loaded a year's holiday schedule: recount the investigation deadline stored by every open inspection
   * case whose period spans that year (investigation_due_on, which the KPIs read), with the calendar now loaded.
   */
  InspectionRecountDue = 'inspection.recount-due',
  // (deadlines jobs)
  /** Daily: running statutory periods with 3 or 1 days left put an item in the case owners' inboxes. */
  DeadlineReminderSweep = 'deadlines.reminder-sweep',
  // (compliance jobs)
  /** Yearly: recompute every employer's 守法诚信等级 for a year from its violations (set-based). */
  ComplianceGradeYear = 'compliance.grade-year',
  /** Daily: listings on the wage-arrears blacklist past their 3 years become EXPIRED. */
  ComplianceBlacklistSweep = 'compliance.blacklist-sweep',
  /**
   * An ADMIN loaded a year's holiday schedule: recount the statement period stored by every undecided notice of an
   * intended listing whose period spans that year (blacklist_notices.statement_due_on), with the calendar now loaded.
   */
  ComplianceRecountStatementDue = 'compliance.recount-statement-due',
  // (sla jobs)
  /** A case event was appended: refresh the KPI fact of the case it concerns and the cells it touches. */
  SlaCaseEvent = 'sla.case-event',
  /** Nightly: recompute every KPI fact and cell from the source tables and compare with the incremental ones. */
  SlaRecomputeAll = 'sla.recompute-all',
  // (risk jobs)
  /** Rescore one employer after a complaint, case event, filing or signal (deduplicated per employer). */
  RiskRescoreEmployer = 'risk.rescore-employer',
  /** A scoring run of every employer started by an ADMIN (POST /api/v1/risk/runs). */
  RiskRun = 'risk.run',
  /** Nightly: score every employer (02:00 Asia/Shanghai). */
  RiskNightlyScan = 'risk.nightly-scan',
  /** Every 10 minutes: red warnings not acknowledged within 2 hours go to the jurisdiction's supervisors. */
  RiskEscalationSweep = 'risk.escalation-sweep',
}

/** The payload each job carries: ids only, never personal data (job payloads are visible in the queue). */
export interface JobPayloads {
  [JobName.ComplaintAcknowledge]: { complaintId: string };
  /** `dedupKey` names the logical message (a replay sends nothing); params hold no personal data. */
  [JobName.PartyNotify]: {
    complaintId: string;
    template: SmsTemplateId;
    dedupKey: string;
    params: Record<string, string>;
    /** About a proceeding (mediation, arbitration): every member of the complaint's collective dispute is told. */
    toDispute?: boolean;
    /**
     * For a complaint of a collective dispute: the template of the members who do not act for the group (not its
     * representatives: collective.rules.ts membersActingFor); `template` goes to those who do, with `toDispute` or to
     * this member alone. Absent: all get `template`.
     */
    notActingTemplate?: SmsTemplateId;
  };
  [JobName.EmployerNotify]: {
    employerId: string;
    template: SmsTemplateId;
    dedupKey: string;
    params: Record<string, string>;
    /**
     * The case the message is about ("<kind>:<id>", e.g. `mediation-case:<id>`), whose staff are told when it cannot
     * be delivered; jobs queued before it was carried have none and are filed under `employer:<employerId>`.
     */
    subjectRef?: string;
  };
  /** `subjectRef` names what it is about (e.g. `identity-correction:<id>`); params hold no personal data. */
  [JobName.WorkerNotify]: {
    userId: string;
    template: SmsTemplateId;
    dedupKey: string;
    subjectRef: string;
    params: Record<string, string>;
  };
  [JobName.IdempotencyPurge]: Record<string, never>;
  // (mediation payloads)
  /** `today` overrides the Asia/Shanghai date (absent for the scheduled run). */
  [JobName.MediationDailySweep]: { today?: string };
  // (arbitration payloads)
  /** `today` overrides the Asia/Shanghai date (absent for the scheduled run). */
  [JobName.ArbitrationLatenessSweep]: { today?: string };
  // (inspection payloads)
  [JobName.InspectionRecountDue]: { year: number };
  // (deadlines payloads)
  /** `today` overrides the Asia/Shanghai date (absent for the scheduled run). */
  [JobName.DeadlineReminderSweep]: { today?: string };
  // (compliance payloads)
  /** `year` absent (the scheduled run on 1 January): the year that just ended (Asia/Shanghai). */
  [JobName.ComplianceGradeYear]: { year?: number };
  /** `today` overrides the Asia/Shanghai date (absent for the scheduled run). */
  [JobName.ComplianceBlacklistSweep]: { today?: string };
  [JobName.ComplianceRecountStatementDue]: { year: number };
  // (sla payloads)
  /**
   * The proceedings whose KPI facts a case event may have moved (the SLA module's case-event listener, in the
   * event's transaction). `{ eventId }` is the shape queued before issue 19 (the handler then asks the audit
   * module for the event): still accepted while outbox rows and jobs of that shape may exist; drop it after.
   */
  [JobName.SlaCaseEvent]:
    { cases: { type: 'ARBITRATION' | 'MEDIATION' | 'INSPECTION'; id: string }[] } | { eventId: string };
  [JobName.SlaRecomputeAll]: Record<string, never>;
  // (risk payloads)
  [JobName.RiskRescoreEmployer]: { employerId: string };
  [JobName.RiskRun]: { runId: string };
  [JobName.RiskNightlyScan]: Record<string, never>;
  /** `now` (ISO) overrides the clock (absent for the scheduled run). */
  [JobName.RiskEscalationSweep]: { now?: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ComplaintAcknowledge]: QueueName.Notifications,
  [JobName.PartyNotify]: QueueName.Notifications,
  [JobName.EmployerNotify]: QueueName.Notifications,
  [JobName.WorkerNotify]: QueueName.Notifications,
  [JobName.IdempotencyPurge]: QueueName.Maintenance,
  // (mediation queues)
  [JobName.MediationDailySweep]: QueueName.Maintenance,
  // (arbitration queues)
  [JobName.ArbitrationLatenessSweep]: QueueName.Maintenance,
  // (inspection queues)
  [JobName.InspectionRecountDue]: QueueName.Maintenance,
  // (deadlines queues)
  [JobName.DeadlineReminderSweep]: QueueName.Maintenance,
  // (compliance queues)
  [JobName.ComplianceGradeYear]: QueueName.Maintenance,
  [JobName.ComplianceBlacklistSweep]: QueueName.Maintenance,
  [JobName.ComplianceRecountStatementDue]: QueueName.Maintenance,
  // (sla queues)
  [JobName.SlaCaseEvent]: QueueName.Sla,
  [JobName.SlaRecomputeAll]: QueueName.Sla,
  // (risk queues)
  [JobName.RiskRescoreEmployer]: QueueName.Risk,
  [JobName.RiskRun]: QueueName.Maintenance,
  [JobName.RiskNightlyScan]: QueueName.Maintenance,
  [JobName.RiskEscalationSweep]: QueueName.Risk,
};

/**
 * The hours in which scheduled work may text workers and employers, Asia/Shanghai, [from, to): a platform rule (no
 * SMS to a party in the night); a sign-in code or an acknowledgement answers the party's own act and is sent at once.
 */
export const PARTY_SMS_HOURS = { from: 8, to: 21 } as const;

/**
 * Repeating jobs (BullMQ job schedulers), upserted by the worker at start; cron in Asia/Shanghai. `textsParties`:
 * the run may send SMS to workers or employers, so it is scheduled within PARTY_SMS_HOURS (job-catalogue.spec.ts).
 */
export const JOB_SCHEDULES: { job: JobName; cron: string; textsParties?: true }[] = [
  { job: JobName.IdempotencyPurge, cron: '45 3 * * *' },
  // (mediation schedules)
  { job: JobName.MediationDailySweep, cron: '0 9 * * *', textsParties: true },
  // (arbitration schedules)
  { job: JobName.ArbitrationLatenessSweep, cron: '15 9 * * *', textsParties: true },
  // (deadlines schedules)
  { job: JobName.DeadlineReminderSweep, cron: '0 7 * * *' },
  // (compliance schedules)
  { job: JobName.ComplianceGradeYear, cron: '0 3 1 1 *' },
  { job: JobName.ComplianceBlacklistSweep, cron: '30 1 * * *' },
  // (sla schedules)
  { job: JobName.SlaRecomputeAll, cron: '30 2 * * *' },
  // (risk schedules)
  { job: JobName.RiskNightlyScan, cron: '0 2 * * *' },
  { job: JobName.RiskEscalationSweep, cron: '*/10 * * * *' },
];

/**
 * Jobs de-duplicated by a key of their own (BullMQ `deduplication`) rather than by the outbox row id: adds with
 * the same key within `ttlMs` of the first are dropped, and the job runs after `delayMs` (>= ttlMs), so it reads
 * everything the dropped adds' transactions committed (they committed before their outbox row was relayed).
 */
export const JOB_DEDUPLICATION: {
  [J in JobName]?: (payload: JobPayloads[J]) => { id: string; ttlMs: number; delayMs: number };
} = {
  // (compliance deduplication: a run of a year asked again by several changed findings at once runs once)
  [JobName.ComplianceGradeYear]: (p) => ({
    id: `grade-year:${p.year ?? 'last'}`,
    ttlMs: 2000,
    delayMs: 2000,
  }),
  [JobName.ComplianceRecountStatementDue]: (p) => ({
    id: `recount-statement-due:${p.year}`,
    ttlMs: 2000,
    delayMs: 2000,
  }),
  // (inspection deduplication: a year loaded again at once, a correction after a slip, is recounted once)
  [JobName.InspectionRecountDue]: (p) => ({ id: `recount-due:${p.year}`, ttlMs: 2000, delayMs: 2000 }),
  // (risk deduplication)
  [JobName.RiskRescoreEmployer]: (p) => ({ id: `rescore:${p.employerId}`, ttlMs: 2000, delayMs: 2000 }),
};

/** The BullMQ options a job's catalogue entry adds (deduplication and delay), if any. */
export function jobDedupOptions(
  name: JobName,
  payload: unknown,
): { deduplication: { id: string; ttl: number }; delay: number } | undefined {
  const fn = JOB_DEDUPLICATION[name] as
    ((p: unknown) => { id: string; ttlMs: number; delayMs: number }) | undefined;
  if (!fn) return undefined;
  const d = fn(payload);
  return { deduplication: { id: d.id, ttl: d.ttlMs }, delay: d.delayMs };
}

/** Defaults for every job: retries with exponential backoff, bounded retention of finished jobs. */
export function jobDefaults(attempts = 8, backoffMs = 2000): DefaultJobOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: 7 * 86400, count: 10000 },
    removeOnFail: { age: 30 * 86400 },
  };
}

export const QUEUE_CONCURRENCY: Record<QueueName, number> = {
  [QueueName.Notifications]: 5,
  [QueueName.Maintenance]: 1,
  /**
   * High on purpose: an sla.case-event job mostly waits for its batch (SlaAggregatesService.refreshCases), and
   * the jobs a worker holds at once are what a batch is made of (one transaction for all of them).
   */
  [QueueName.Sla]: 64,
  /** High for the same reason: the rescore jobs held at once are one batch (RiskScoringService.rescores). */
  [QueueName.Risk]: 32,
};
