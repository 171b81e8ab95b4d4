import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { MediationClosing, type Closing } from './mediation-closing';
import { MediationInbox } from './mediation-inbox';
import { MediationRepository } from './mediation.repository';
import { directApplicationStep, nextMediationStatus } from './mediation.state';

/**
 * What a worker's own arbitration application (DIRECT: theirs, or filed by staff on their request) does to the
 * mediation of the same dispute, in the application's transaction (directApplicationStep): an open case is ended as
 * WITHDRAWN by the worker's choice through the mediator's close path (its clock stopped, the timeline, the mediator
 * told); an agreement not yet performed is 409 MEDIATION_AGREEMENT_IN_FORCE, pointing at the escalation.
 */
@Injectable()
export class MediationOnApplication {
  constructor(
    private readonly repo: MediationRepository,
    private readonly closing: MediationClosing,
    private readonly inbox: MediationInbox,
  ) {}

  async directApplication(
    em: EntityManager,
    complaint: { id: string; collectiveDisputeId: string | null },
    actor: Principal,
    arbitrationCaseId: string,
  ): Promise<void> {
    // A collective dispute is mediated as one case for all its members (调解仲裁法 第七条), on any member's complaint.
    const m = await this.repo.lockLatestCase(em, complaint.id, complaint.collectiveDisputeId);
    if (!m) return;
    const agreement = m.status === 'AGREEMENT' ? await this.repo.agreementOf(em, m.id) : null;
    const step = directApplicationStep(m.status, agreement?.status ?? null);
    if (step === 'AGREEMENT_IN_FORCE')
      throw AppException.conflict(
        'MEDIATION_AGREEMENT_IN_FORCE',
        'The dispute has a mediation agreement: arbitration is applied for by escalating the mediation once the ' +
          'employer fails to perform it',
        {
          mediationCaseId: m.id,
          status: m.status,
          agreementStatus: agreement?.status ?? null,
          escalatesWhen: ['AGREEMENT_DEFAULTED'],
          escalate: `POST /api/v1/mediation/${m.id}/escalate`,
        },
      );
    if (step !== 'WITHDRAW_MEDIATION') return;
    const closing: Closing = { outcome: 'WITHDRAWN', note: '劳动者申请劳动争议仲裁', byApplication: true };
    const to = nextMediationStatus(m.status, 'WITHDRAW');
    const cancelled = await this.closing.apply(em, m, to, closing, actor, todayInShanghai());
    await this.closing.record(em, m, to, closing, actor, cancelled, {
      reason: 'ARBITRATION_APPLIED',
      arbitrationCaseId,
    });
    await this.inbox.endedByApplication(em, m.id);
  }
}
