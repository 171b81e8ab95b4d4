import type { DefaultJobOptions } from 'bullmq';

/** Every queue of the platform. */
export enum QueueName {
  Notifications = 'notifications',
}

/** Every job of the platform; each has exactly one handler (checked at start-up). */
export enum JobName {
  /** Tell a complainant or reporter their complaint was received, with its tracking number. */
  ComplaintAcknowledge = 'complaint.acknowledge',
}

/** The payload each job carries: ids only, never personal data (job payloads are visible in the queue). */
export interface JobPayloads {
  [JobName.ComplaintAcknowledge]: { complaintId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ComplaintAcknowledge]: QueueName.Notifications,
};

/** Defaults for every job: retries with exponential backoff, bounded retention of finished jobs. */
export const JOB_DEFAULTS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 86400, count: 10000 },
  removeOnFail: { age: 30 * 86400 },
};

export const QUEUE_CONCURRENCY: Record<QueueName, number> = {
  [QueueName.Notifications]: 5,
};
