import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { newId } from '../common/ids';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { CloseMediationDto } from './dto/mediation.dto';
import type { MediationCase } from './entities/mediation-case.entity';
import { MEDIATION_CASE, MediationCaseWriter } from './mediation-case-writer';
import { MediationNotices } from './mediation-notices';
import { MediationRepository } from './mediation.repository';
import type { CloseOutcome, MediationStatus } from './mediation.state';

/** The sessions a closing cancelled (MediationRepository.cancelSessionsAfter). */
type CancelledSessions = Awaited<ReturnType<MediationRepository['cancelSessionsAfter']>>;

export interface Closing {
  outcome: CloseOutcome;
  note?: string | null;
  agreement?: CloseMediationDto['agreement'];
  /** Ended by the worker's arbitration application (MediationOnApplication): they are told it was received. */
  byApplication?: boolean;
}

/**
 * The closing of an open case, whoever closes it (the mediator's POST …/close, or the worker's arbitration
 * application that ends it as WITHDRAWN): the agreement, the row, the stopped 15-day clock, the timeline event and
 * the worker's notice. The caller holds the row lock and checked the transition.
 */
@Injectable()
export class MediationClosing {
  constructor(
    private readonly repo: MediationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly writer: MediationCaseWriter,
    private readonly notices: MediationNotices,
  ) {}

  async apply(
    em: EntityManager,
    m: MediationCase,
    to: MediationStatus,
    c: Closing,
    actor: Principal,
    today: string,
  ): Promise<CancelledSessions> {
    if (c.agreement) await this.insertAgreement(em, m.id, c.agreement, today);
    await this.repo.updateCase(em, m.id, {
      status: to,
      outcome: c.outcome,
      outcomeNote: c.note ?? null,
      closedOn: today,
    });
    // A withdrawal (the worker's choice, or their arbitration application) ends the period: ENDED, not MET; the
    // reason on the clock says which (the case file words them apart: plain-deadline.ts).
    await this.deadlines.stopAll(
      em,
      MEDIATION_CASE,
      m.id,
      today,
      actor,
      c.byApplication ? 'ARBITRATION' : c.outcome === 'WITHDRAWN' ? 'WITHDRAWN' : undefined,
    );
    // The sessions still to come will not take place.
    return this.repo.cancelSessionsAfter(em, m.id, new Date());
  }

  async record(
    em: EntityManager,
    m: MediationCase,
    to: MediationStatus,
    c: Closing,
    actor: Principal,
    cancelled: CancelledSessions,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await this.writer.event(em, m.complaintId, m.id, `MEDIATION_${to}`, actor, m.status, to, {
      outcome: c.outcome,
      ...(cancelled.length ? { cancelledSessions: cancelled.map((s) => s.startsAt) } : {}),
      ...data,
    });
    // A failure tells the worker they may escalate (POST /mediation/:id/escalate); an application, that it was received.
    if (c.byApplication) await this.notices.endedByApplication(em, m);
    else await this.notices.closed(em, m, to);
    await this.notices.sessionsCancelled(em, m, cancelled);
  }

  /** The 调解协议书 of a closing by agreement, with its instalments. */
  private async insertAgreement(
    em: EntityManager,
    caseId: string,
    agreement: NonNullable<CloseMediationDto['agreement']>,
    today: string,
  ): Promise<void> {
    const agreementId = newId();
    const claims = agreement.claims.map((c) => ({ description: c.description, amountFen: c.amountFen }));
    await this.repo.insertAgreement(
      em,
      {
        id: agreementId,
        caseId,
        status: 'PERFORMING',
        claims,
        totalFen: claims.reduce((s, c) => s + c.amountFen, 0),
        signedOn: today,
      },
      agreement.instalments.map((p, i) => ({
        id: newId(),
        agreementId,
        seq: i + 1,
        dueOn: p.dueOn,
        amountFen: p.amountFen,
        paidOn: null,
        status: 'DUE',
      })),
    );
  }
}
