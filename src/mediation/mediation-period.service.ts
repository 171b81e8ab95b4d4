import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { MediationCase } from './entities/mediation-case.entity';
import { MEDIATION_CASE, MediationCaseWriter } from './mediation-case-writer';
import { MediationNotices } from './mediation-notices';
import {
  assertSessionWithinPeriod,
  extensionErrors,
  MEDIATION_EXTENSION_CITATION,
  type ExtensionInput,
} from './mediation-period.rules';
import { MediationRepository } from './mediation.repository';

/**
 * The mediation period (15 days, 调解仲裁法 第十四条) as a gate: sessions fall within it, and it is extended only by
 * an extension both parties agreed to (参照 企业劳动争议协商调解规定 第二十七条), recorded as an EXTEND event of the
 * case's MEDIATION clock, so the daily sweep expires the case on the extended date.
 */
@Injectable()
export class MediationPeriodService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: MediationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly writer: MediationCaseWriter,
    private readonly notices: MediationNotices,
  ) {}

  /** 409 MEDIATION_PERIOD_OVER when the session's date is after the (extended) period of the locked case. */
  async assertSessionWithinPeriod(em: EntityManager, m: MediationCase, startsAt: Date): Promise<void> {
    const clock = await this.periodClock(em, m.id);
    assertSessionWithinPeriod(m.status, todayInShanghai(startsAt), clock?.due ?? null);
  }

  /** Records an extension agreed by both parties on an open case (MEDIATOR or SUPERVISOR of its street). */
  async extend(
    viewer: Principal,
    id: string,
    dto: ExtensionInput & { version: number; note?: string },
  ): Promise<void> {
    const errors = extensionErrors(dto);
    if (errors.length) throw AppException.validation(errors);
    await this.tx.run((em) =>
      this.writer.transition(
        em,
        viewer,
        id,
        dto.version,
        'EXTEND_PERIOD',
        async (m) => {
          const clock = await this.periodClock(em, m.id);
          if (!clock || clock.state !== 'RUNNING' || clock.due === null)
            throw AppException.conflict(
              'MEDIATION_PERIOD_NOT_RUNNING',
              'The mediation period is not running',
              {
                status: m.status,
                action: 'EXTEND_PERIOD',
                allowed: ['AGREE', 'FAIL', 'WITHDRAW'],
              },
            );
          await this.deadlines.addEvent(
            em,
            clock.id,
            {
              type: 'EXTEND',
              date: todayInShanghai(),
              amount: dto.days,
              approver: viewer.userId,
              reason: `双方当事人同意延长调解期限 (${MEDIATION_EXTENSION_CITATION})${dto.note ? `: ${dto.note}` : ''}`,
            },
            viewer,
            undefined,
            { 'event.amount': 'days' },
          );
          const after = await this.periodClock(em, m.id);
          await this.repo.updateCase(em, m.id, {});
          return {
            previousDue: clock.due,
            due: after?.due ?? null,
            provisional: after?.provisional ?? false,
          };
        },
        async (m, _to, { previousDue, due, provisional }) => {
          await this.writer.event(
            em,
            m.complaintId,
            m.id,
            'MEDIATION_PERIOD_EXTENDED',
            viewer,
            m.status,
            m.status,
            {
              days: dto.days,
              previousDue,
              due,
              workerAgreed: true,
              employerAgreed: true,
              rule: MEDIATION_EXTENSION_CITATION,
            },
          );
          // The worker agreed, and is told the new last day (once per extension: the version it was made at).
          if (due) await this.notices.periodExtended(em, m, due, m.version, provisional);
        },
      ),
    );
  }

  private async periodClock(em: EntityManager, caseId: string) {
    const clocks = await this.deadlines.forCase(MEDIATION_CASE, caseId, todayInShanghai(), em);
    return clocks.find((c) => c.rule.id === 'MEDIATION') ?? null;
  }
}
