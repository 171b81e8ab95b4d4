import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LOCKS, tryXactLock } from '../database/locks';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { computeDeadline } from '../calendar/deadline-engine';
import { addDays, todayInShanghai } from '../calendar/local-date';
import { ComplaintsService } from '../complaints/complaints.service';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { MEDIATION_CASE, MediationCaseWriter } from './mediation-case-writer';
import { MediationNotices } from './mediation-notices';
import { MEDIATION_DEADLINE_RULES } from './mediation.deadline-rules';
import { MediationRepository } from './mediation.repository';
import { nextAgreementStatus, nextMediationStatus } from './mediation.state';

/** How far back past its period the sweep still finds a routed complaint no mediation was opened for (policy). */
export const NOT_OPENED_LOOKBACK_DAYS = 60;

/** Days before an instalment's due date when the employer is reminded (platform policy). */
export const INSTALMENT_REMINDER_DAYS = 3;

export interface SweepResult {
  skipped: boolean;
  expired: number;
  overdueInstalments: number;
  defaulted: number;
  /** Reminders queued to employers for instalments due soon. */
  reminders?: number;
  /** Complaints routed to mediation whose period ran out with no case opened (the worker told). */
  notOpened?: number;
}

/** The daily sweep of mediation (`mediation.daily-sweep`, 09:00 Asia/Shanghai: it texts parties, so not in the night): expiry, overdue instalments, reminders. */
@Injectable()
export class MediationSweepService {
  private readonly logger = new Logger(MediationSweepService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: MediationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly writer: MediationCaseWriter,
    private readonly notices: MediationNotices,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly complaints: ComplaintsService,
  ) {}

  /**
   * The daily sweep (idempotent; one at a time under an advisory lock): open cases whose MEDIATION clock is
   * breached on `today` expire, unpaid instalments due before `today` become overdue and their agreement defaults.
   */
  async sweep(today: string = todayInShanghai()): Promise<SweepResult> {
    const result = await this.tx.run(async (em): Promise<SweepResult> => {
      if (!(await tryXactLock(em, LOCKS.mediationSweep)))
        return { skipped: true, expired: 0, overdueInstalments: 0, defaulted: 0 };
      let expired = 0;
      for (const open of await this.repo.openCases(em)) {
        const clocks = await this.deadlines.forCase(MEDIATION_CASE, open.id, today, em);
        if (!clocks.some((c) => c.rule.id === 'MEDIATION' && c.state === 'BREACHED')) continue;
        const m = (await this.repo.lockCase(em, open.id))!;
        if (m.status !== 'OPEN') continue;
        const to = nextMediationStatus(m.status, 'EXPIRE');
        await this.repo.updateCase(em, m.id, { status: to, outcome: 'EXPIRED', closedOn: today });
        await this.deadlines.stopAll(em, MEDIATION_CASE, m.id, today, null);
        // A session still to come will not take place (none should be: sessions fall within the period).
        const cancelled = await this.repo.cancelSessionsAfter(em, m.id, new Date());
        await this.writer.event(em, m.complaintId, m.id, 'MEDIATION_EXPIRED', null, m.status, to, {
          ...(cancelled.length ? { cancelledSessions: cancelled.map((s) => s.startsAt) } : {}),
        });
        await this.notices.expired(em, m);
        await this.notices.sessionsCancelled(em, m, cancelled);
        expired++;
      }
      const overdue = await this.repo.markOverdue(em, today);
      let defaulted = 0;
      for (const p of overdue) {
        const m = (await this.repo.lockCase(em, p.caseId))!;
        const agreement = (await this.repo.agreementOf(em, m.id))!;
        await this.notices.overdue(em, m, p);
        if (agreement.status !== 'PERFORMING') continue;
        const to = nextAgreementStatus(agreement.status, 'DEFAULT');
        await this.repo.setAgreementStatus(em, agreement.id, to);
        await this.repo.updateCase(em, m.id, {});
        await this.writer.event(
          em,
          m.complaintId,
          m.id,
          'MEDIATION_AGREEMENT_DEFAULTED',
          null,
          m.status,
          m.status,
          {
            seq: p.seq,
            dueOn: p.dueOn,
          },
        );
        defaulted++;
      }
      // Reminders to the employer and the worker before an instalment falls due (once per instalment: the keys).
      const soon = await this.repo.dueSoon(em, today, INSTALMENT_REMINDER_DAYS);
      for (const i of soon) await this.notices.dueSoon(em, i);
      return {
        skipped: false,
        expired,
        overdueInstalments: overdue.length,
        defaulted,
        reminders: soon.length,
        notOpened: await this.notOpened(em, today),
      };
    });
    this.logger.log({ today, ...result }, 'mediation sweep');
    return result;
  }

  /**
   * 调解仲裁法 第十四条第三款: the 15 days run from the committee's receipt — the routing — whether or not a mediator
   * opened a case. A complaint routed to mediation whose period ran out with none opened is recorded on its timeline
   * and its worker told they may apply for arbitration, once (the event marks it); staff may still open the case.
   */
  private async notOpened(em: EntityManager, today: string): Promise<number> {
    const rule = MEDIATION_DEADLINE_RULES.MEDIATION;
    // Routed at least the period's days ago; NOT_OPENED_LOOKBACK_DAYS more cover nights the sweep did not run.
    const last = addDays(today, -rule.amount);
    const routed = await this.complaints.routedBetween(
      em,
      'MEDIATION',
      addDays(last, -NOT_OPENED_LOOKBACK_DAYS),
      last,
    );
    if (!routed.length) return 0;
    const ids = routed.map((c) => c.id);
    const disputes = routed.flatMap((c) => (c.collectiveDisputeId ? [c.collectiveDisputeId] : []));
    const opened = await this.repo.withCases(em, ids, disputes);
    const reported = await this.audit.casesWith(em, 'COMPLAINT', ids, 'MEDIATION_NOT_OPENED');
    const calendar = await this.calendar.calendar(em);
    let told = 0;
    for (const c of routed) {
      if (opened.complaintIds.has(c.id) || reported.has(c.id)) continue;
      if (c.collectiveDisputeId && opened.disputeIds.has(c.collectiveDisputeId)) continue;
      const period = computeDeadline(rule, c.routedOn, [], calendar, today);
      if (period.state !== 'BREACHED') continue;
      const due = period.due!;
      await this.audit.append(em, {
        caseType: 'COMPLAINT',
        caseId: c.id,
        action: 'MEDIATION_NOT_OPENED',
        fromStatus: 'ROUTED',
        toStatus: 'ROUTED',
        actor: null,
        data: { routedOn: c.routedOn, due, basis: rule.citation },
      });
      await this.notices.notOpened(em, c.id, c.routedOn);
      told++;
    }
    return told;
  }
}
