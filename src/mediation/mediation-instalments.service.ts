import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import type { MediationCaseViewDto } from './dto/mediation.dto';
import { InstalmentPaymentListeners } from './instalment-payment-listeners';
import { defaultDisproved, paidOnErrors, remainingAfter } from './instalment-payment.rules';
import { MediationCaseWriter } from './mediation-case-writer';
import { MediationNotices } from './mediation-notices';
import { MediationViews } from './mediation-views';
import { MediationRepository } from './mediation.repository';
import { nextAgreementStatus } from './mediation.state';

/** The instalments of a mediation agreement (调解协议书) as they are paid. */
@Injectable()
export class MediationInstalments {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: MediationRepository,
    private readonly writer: MediationCaseWriter,
    private readonly notices: MediationNotices,
    private readonly views: MediationViews,
    private readonly listeners: InstalmentPaymentListeners,
  ) {}

  /**
   * Records the payment of an instalment (on time or late) on the day it was paid (default today). One paid in time
   * but entered after the sweep defaulted the agreement disproves the default (defaultDisproved): reversed, on the
   * timeline (MEDIATION_AGREEMENT_DEFAULT_REVERSED). The worker is told each payment (MediationNotices.instalmentPaid),
   * and the modules listening (an arbitration application escalated from the agreement) learn of it.
   */
  async markInstalmentPaid(
    viewer: Principal,
    id: string,
    instalmentId: string,
    dto: { version: number; paidOn?: string },
  ): Promise<MediationCaseViewDto> {
    await this.tx.run(async (em) => {
      const m = await this.writer.lockForWrite(em, viewer, id, dto.version);
      const agreement = await this.repo.agreementOf(em, m.id);
      if (m.status !== 'AGREEMENT' || !agreement)
        throw AppException.conflict(
          'ILLEGAL_TRANSITION',
          `A mediation case in status ${m.status} has no agreement`,
          {
            status: m.status,
            action: 'PAY',
            allowed: [],
          },
        );
      const instalments = await this.repo.instalmentsOf(em, agreement.id);
      const instalment = instalments.find((p) => p.id === instalmentId);
      if (!instalment) throw AppException.notFound('INSTALMENT_NOT_FOUND', 'No such instalment');
      if (instalment.status === 'PAID')
        throw AppException.conflict('INSTALMENT_ALREADY_PAID', 'This instalment is already paid');
      const paidOn = dto.paidOn ?? todayInShanghai();
      const errors = paidOnErrors(paidOn, agreement.signedOn, todayInShanghai());
      if (errors.length) throw AppException.validation(errors);
      const last = instalments.every((p) => p.id === instalmentId || p.status === 'PAID');
      const reversed = defaultDisproved(agreement.status, instalment, paidOn, instalments);
      const from = reversed ? 'PERFORMING' : agreement.status;
      const to = nextAgreementStatus(from, last ? 'PAY_LAST' : 'PAY');
      await this.repo.markPaid(em, instalment.id, paidOn);
      if (to !== agreement.status) await this.repo.setAgreementStatus(em, agreement.id, to);
      await this.repo.updateCase(em, m.id, {});
      if (reversed) {
        await this.writer.event(
          em,
          m.complaintId,
          m.id,
          'MEDIATION_AGREEMENT_DEFAULT_REVERSED',
          viewer,
          m.status,
          m.status,
          {
            seq: instalment.seq,
            dueOn: instalment.dueOn,
            paidOn,
            agreementStatus: to,
          },
        );
        await this.notices.defaultReversed(em, m, { id: instalment.id, seq: instalment.seq, paidOn });
      }
      await this.writer.event(
        em,
        m.complaintId,
        m.id,
        'MEDIATION_INSTALMENT_PAID',
        viewer,
        m.status,
        m.status,
        {
          seq: instalment.seq,
          amountFen: instalment.amountFen,
          paidOn,
          agreementStatus: to,
        },
      );
      const payment = {
        mediationCaseId: m.id,
        complaintId: m.complaintId,
        instalmentId: instalment.id,
        seq: instalment.seq,
        amountFen: instalment.amountFen,
        paidOn,
        agreementStatus: to,
        remainingFen: remainingAfter(instalments, instalment.id),
      };
      await this.notices.instalmentPaid(em, m, payment, agreement.totalFen);
      await this.listeners.paid(em, payment, viewer);
    });
    return this.views.one(this.tx.manager, viewer, id);
  }
}
