import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of operations: queues, failed jobs, sweeps, the metrics endpoint: HTTP status and zh-CN / English message. */
export const OPS_ERRORS = {
  QUEUE_NOT_FOUND: { status: 404, zh: '队列不存在', en: 'No such queue' },
  SWEEP_NOT_FOUND: { status: 404, zh: '没有该定时任务', en: 'No such sweep' },
  JOB_NOT_FOUND: { status: 404, zh: '该队列中没有此任务', en: 'No such job in this queue' },
  JOB_NOT_FAILED: { status: 409, zh: '只有失败的任务可以重试', en: 'Only a failed job can be retried' },
  JOB_ALREADY_RUNNING: {
    status: 409,
    zh: '该任务已在排队或运行中，请在其结束后再试',
    en: 'This job is already queued or running; try again when it has finished',
  },
  FAILED_JOB_NOT_FOUND: {
    status: 404,
    zh: '失败任务不存在（或已重新入队）',
    en: 'No such failed job (or it was already re-queued)',
  },
  METRICS_TOKEN_REQUIRED: {
    status: 401,
    zh: '需要有效的指标访问令牌（生产环境须设置 METRICS_TOKEN）',
    en: 'A valid metrics bearer token is required (production needs METRICS_TOKEN)',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    ops: typeof OPS_ERRORS;
  }
}
