import { fieldError, type FieldError } from '../common/errors/app-exception';
import type { AgreementStatus } from './mediation.state';

/** An instalment as the payment rules read it. */
export interface InstalmentFacts {
  id: string;
  dueOn: string;
  status: string;
  paidOn: string | null;
}

/**
 * The day an instalment was paid, as the mediator records it: an Asia/Shanghai calendar date (the DTO checks the
 * form) neither in the future nor before the agreement was signed (no payment under it can precede it); the field's
 * error otherwise, as an inspection recovery's paidOn.
 */
export function paidOnErrors(paidOn: string, signedOn: string, today: string): FieldError[] {
  if (paidOn >= signedOn && paidOn <= today) return [];
  return [
    fieldError(
      'paidOn',
      'dateRange',
      `paidOn 须在 ${signedOn}（调解协议签订日）与今天（北京时间）之间`,
      `paidOn must lie between ${signedOn} (the agreement's date) and today (Asia/Shanghai)`,
    ),
  ];
}

/**
 * Whether recording this payment shows the default the nightly sweep marked was none: the agreement DEFAULTED, this
 * instalment paid on or before its due day, and every other instalment paid on time or not yet due (调解仲裁法
 * 第十五条: only a party who does not perform within the agreed term is in default). A payment entered late — the
 * sweep runs on the day after the due day — must not leave the worker told to apply for arbitration on a default that
 * never was. A default any other instalment still shows (overdue, or paid late) stands.
 */
export function defaultDisproved(
  agreementStatus: AgreementStatus,
  paid: InstalmentFacts,
  paidOn: string,
  all: readonly InstalmentFacts[],
): boolean {
  if (agreementStatus !== 'DEFAULTED' || paidOn > paid.dueOn) return false;
  return all.every(
    (i) =>
      i.id === paid.id ||
      i.status === 'DUE' ||
      (i.status === 'PAID' && i.paidOn !== null && i.paidOn <= i.dueOn),
  );
}

/** What an agreement still has unpaid once `paidId` is paid (integer fen): the sum of its other unpaid instalments. */
export function remainingAfter(
  all: readonly { id: string; status: string; amountFen: number }[],
  paidId: string,
): number {
  return all.filter((i) => i.id !== paidId && i.status !== 'PAID').reduce((sum, i) => sum + i.amountFen, 0);
}
