import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import {
  InstalmentPaymentListeners,
  type RecordedInstalmentPayment,
} from '../mediation/instalment-payment-listeners';
import { ArbitrationInbox } from './arbitration-inbox';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';

/**
 * An application escalated from a defaulted mediation agreement (调解仲裁法 第十五条) claims what was unpaid; a payment
 * recorded on that agreement while the case is open changes neither the claim nor the case: the applicant may withdraw
 * (第四十一条: 自行和解 … 可以撤回仲裁申请) and the tribunal weighs it. So that it can, the payment is on the case's
 * timeline (shown on its view as a warning), in the inbox of those in charge of it, and told to the worker.
 */
@Injectable()
export class SourceAgreementPayments implements OnModuleInit {
  constructor(
    private readonly payments: InstalmentPaymentListeners,
    private readonly repo: ArbitrationRepository,
    private readonly p: ArbitrationProceeding,
    private readonly inbox: ArbitrationInbox,
  ) {}

  onModuleInit(): void {
    this.payments.register('arbitration', (em, payment, actor) => this.paid(em, payment, actor));
  }

  private async paid(em: EntityManager, x: RecordedInstalmentPayment, actor: Principal): Promise<void> {
    for (const c of await this.repo.openCasesFromMediation(em, x.mediationCaseId)) {
      // The event case-warnings.ts reads back (SOURCE_AGREEMENT_PAID), written literally so timeline-words labels it.
      await this.p.record(em, c.complaintId, c.id, 'ARBITRATION_SOURCE_AGREEMENT_PAID', actor, {
        mediationCaseId: x.mediationCaseId,
        seq: x.seq,
        amountFen: x.amountFen,
        paidOn: x.paidOn,
        agreementStatus: x.agreementStatus,
        remainingFen: x.remainingFen,
        status: c.status,
      });
      await this.inbox.sourceAgreementPaid(em, c.id, x);
      await this.p.notify(
        em,
        c,
        'ARBITRATION_SOURCE_AGREEMENT_PAID_WORKER',
        `source-paid:${x.instalmentId}`,
        {
          seq: String(x.seq),
          amountFen: String(x.amountFen),
          paidOn: x.paidOn,
        },
      );
    }
  }
}
