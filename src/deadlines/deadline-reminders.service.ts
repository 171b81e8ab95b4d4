import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, tryXactLock } from '../database/locks';
import { daysBetween, todayInShanghai } from '../calendar/local-date';
import { TransactionRunner } from '../database/transaction';
import { StaffInbox } from '../notifications/staff-inbox';
import { reminderThreshold, type DeadlineReminderDays } from './deadline-reminder.rules';
import { reminderRecipients, type CaseStaff } from './reminder-recipients';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlinesService } from './deadlines.service';

/**
 * Who is in charge of cases of one type: case id → its assignees and its body's active staff (the owning module
 * registers it; a case left out has nobody).
 */
export type AssigneesOf = (em: EntityManager, caseIds: string[]) => Promise<Map<string, CaseStaff>>;

/** How the inbox links a case of each type (in-app-messages.ts). */
export interface AssigneeSource {
  subjectKind: string;
  assignees: AssigneesOf;
}

const TEMPLATE: Record<DeadlineReminderDays, 'CASE_DEADLINE_WITHIN_3_DAYS' | 'CASE_DEADLINE_WITHIN_1_DAY'> = {
  3: 'CASE_DEADLINE_WITHIN_3_DAYS',
  1: 'CASE_DEADLINE_WITHIN_1_DAY',
};

export interface ReminderSweepResult {
  skipped: boolean;
  /** Inbox items written (replays of an item already there count too; they write nothing). */
  items: number;
  /** Reminders due that found nobody in charge of their case (each logged, without personal data). */
  unassigned: number;
  /** Reminders that went to the body's active staff because none of the case's assignees is active any more (logged). */
  toBody: number;
}

/**
 * Approaching statutory periods put an item in the inbox of whoever is in charge of the case (14.3): the mediator,
 * the tribunal, the assigned inspectors while they are active staff of the case's body; when none is (deactivated,
 * moved) or nobody is assigned, the body's active staff covering the case — a period must not run out unseen. Who they
 * are each owning module registers (a low module does not read the domains' tables). Once per clock, threshold and
 * person: the dedupKey `deadline:<clock>:<n>d` is the same whoever receives it (StaffInbox appends the recipient), so
 * a replay tells nobody twice and a colleague told as the body is not told again if the case is then given to them.
 * Daily, one run at a time under an advisory lock.
 */
@Injectable()
export class DeadlineReminders {
  private readonly logger = new Logger('DeadlineReminders');
  private readonly sources = new Map<string, AssigneeSource>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: DeadlinesRepository,
    private readonly deadlines: DeadlinesService,
    private readonly inbox: StaffInbox,
  ) {}

  registerAssignees(caseType: string, source: AssigneeSource): void {
    if (this.sources.has(caseType)) throw new Error(`assignees of ${caseType} already registered`);
    this.sources.set(caseType, source);
  }

  async sweep(today: string = todayInShanghai()): Promise<ReminderSweepResult> {
    return this.tx.run(async (em) => {
      if (!(await tryXactLock(em, LOCKS.reminderSweep)))
        return { skipped: true, items: 0, unassigned: 0, toBody: 0 };
      const due = (await this.deadlines.openClockViews(em, today)).filter(
        (v) => v.state === 'RUNNING' && this.sources.has(v.caseType),
      );
      let items = 0;
      let unassigned = 0;
      let toBody = 0;
      for (const [caseType, source] of this.sources) {
        const clocks = due
          .map((v) => ({ v, threshold: reminderThreshold(v.due ? daysBetween(today, v.due) : null) }))
          .filter((x) => x.v.caseType === caseType && x.threshold !== null);
        if (clocks.length === 0) continue;
        const staff = await source.assignees(em, [...new Set(clocks.map((x) => x.v.caseId))]);
        for (const { v, threshold } of clocks) {
          const s = staff.get(v.caseId);
          const { to, assigneesGone } = s ? reminderRecipients(s) : { to: [], assigneesGone: false };
          if (to.length === 0) {
            unassigned++;
            this.logger.warn(
              { caseType, caseId: v.caseId, clockId: v.id, rule: v.rule.id, due: v.due },
              'deadline reminder has nobody in charge to go to',
            );
            continue;
          }
          if (assigneesGone) {
            toBody++;
            this.logger.warn(
              { caseType, caseId: v.caseId, clockId: v.id, rule: v.rule.id, due: v.due, told: to.length },
              "deadline reminder: no assignee of the case is active, the body's staff are told",
            );
          }
          items += await this.inbox.post(em, to, {
            template: TEMPLATE[threshold!],
            subjectRef: `${source.subjectKind}:${v.caseId}`,
            dedupKey: `deadline:${v.id}:${threshold}d`,
          });
        }
      }
      return { skipped: false, items, unassigned, toBody };
    });
  }
}
