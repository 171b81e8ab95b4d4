import { Injectable, Logger } from '@nestjs/common';
import { LOCKS, tryXactLock } from '../database/locks';
import { todayInShanghai } from '../calendar/local-date';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { MEDIATION_CASE, MediationCaseWriter } from './mediation-case-writer';
import { MediationNotices } from './mediation-notices';
import { MediationRepository } from './mediation.repository';
import { nextAgreementStatus, nextMediationStatus } from './mediation.state';

/** Days before an instalment's due date when the employer is reminded (platform policy). */
export const INSTALMENT_REMINDER_DAYS = 3;

export interface SweepResult {
  skipped: boolean;
  expired: number;
  overdueInstalments: number;
  defaulted: number;
  /** Reminders queued to employers for instalments due soon. */
  reminders?: number;
}

/** The daily sweep of mediation (`mediation.daily-sweep`, 01:00 Asia/Shanghai): expiry, overdue instalments, reminders. */
@Injectable()
export class MediationSweepService {
  private readonly logger = new Logger(MediationSweepService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: MediationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly writer: MediationCaseWriter,
    private readonly notices: MediationNotices,
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
        await this.writer.event(em, m.complaintId, m.id, 'MEDIATION_EXPIRED', null, m.status, to, {});
        await this.notices.expired(em, m);
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
      };
    });
    this.logger.log({ today, ...result }, 'mediation sweep');
    return result;
  }
}
