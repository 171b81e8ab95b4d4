import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of statutory clocks: HTTP status and zh-CN / English message. */
export const DEADLINES_ERRORS = {
  CLOCK_NOT_FOUND: { status: 404, zh: '期限不存在', en: 'No such clock' },
  EXTENSION_NEEDS_SUPERVISOR: {
    status: 403,
    zh: '只有督办人员可以批准延期',
    en: 'Only a supervisor may approve an extension',
  },
  CLOCK_OF_ANOTHER_BODY: {
    status: 403,
    zh: '该期限属于其他机构办理的程序，只有该机构的工作人员或督办人员可以中止、恢复或重新计算',
    en: "The period times another body's proceeding: only its staff or a supervisor may pause, resume or restart it",
  },
  CLOCK_HELD_BY_PARTY: {
    status: 409,
    zh: '该期限属于当事人（起诉期限、申请撤销裁决期限），工作人员不能中止、恢复、重新计算或延长',
    en: "The period is a party's own (to sue, to apply to set an award aside): staff cannot pause, resume, restart or extend it",
  },
  CLOCK_EVENT_NOT_ALLOWED: {
    status: 409,
    zh: '该期限不能由工作人员中止、延长或重新计算（调解期限的延长须经双方同意，仲裁受理期限不得中止）',
    en: "The period takes no such event from staff (the mediation period is extended only on both parties' agreement; the arbitration acceptance period is never paused)",
  },
  CLOCK_BREACHED: {
    status: 409,
    zh: '该期限已超期：登记后将不再超期的事件（日期在届满日或之前的中止、重新计算等）只能由督办人员登记，以更正记录',
    en: 'The period has lapsed: an event that would undo the breach (a pause, restart… dated on or before its last day) is a correction only a supervisor may enter',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    deadlines: typeof DEADLINES_ERRORS;
  }
}
