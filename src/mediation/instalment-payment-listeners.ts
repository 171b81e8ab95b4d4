import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import type { AgreementStatus } from './mediation.state';

/** A payment recorded on a mediation agreement (MediationInstalments.markInstalmentPaid), as listeners read it. */
export interface RecordedInstalmentPayment {
  mediationCaseId: string;
  complaintId: string;
  instalmentId: string;
  seq: number;
  amountFen: number;
  paidOn: string;
  /** The agreement's status after the payment (PERFORMED once every instalment is paid). */
  agreementStatus: AgreementStatus;
  /** What the agreement still has unpaid after it (fen). */
  remainingFen: number;
}

export type InstalmentPaymentListener = (
  em: EntityManager,
  payment: RecordedInstalmentPayment,
  actor: Principal,
) => Promise<void>;

/**
 * Modules that must know when an instalment of a mediation agreement is recorded paid register here (lower rooms never
 * ask upper ones): arbitration, whose application escalated from the agreement's default claims what was unpaid. Each
 * is called in the payment's transaction, in registration order.
 */
@Injectable()
export class InstalmentPaymentListeners {
  private readonly listeners = new Map<string, InstalmentPaymentListener>();

  register(name: string, listener: InstalmentPaymentListener): void {
    if (this.listeners.has(name)) throw new Error(`instalment payment listener ${name} registered twice`);
    this.listeners.set(name, listener);
  }

  async paid(em: EntityManager, payment: RecordedInstalmentPayment, actor: Principal): Promise<void> {
    for (const listener of this.listeners.values()) await listener(em, payment, actor);
  }
}
