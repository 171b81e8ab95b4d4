import { fieldError, type FieldError } from '../common/errors/app-exception';
import type { RequestChannel } from '../complaints/withdrawal.rules';
import type { HearingAttendance } from './arbitration.constants';

/**
 * How an arbitration application comes to be withdrawn (撤回). Withdrawal is the applicant's act, recorded by the
 * commission's staff on their request with how it came (`APPLICANT_REQUEST`), or the commission's treatment of an
 * applicant who missed a hearing held after written notice (`ABSENT_FROM_HEARING`) — never staff ending the case on
 * their own, which a closing with a reason (终止, `TERMINATED`) records.
 */
export const WITHDRAWAL_BASES = ['APPLICANT_REQUEST', 'ABSENT_FROM_HEARING'] as const;
export type WithdrawalBasis = (typeof WITHDRAWAL_BASES)[number];

export interface ArbitrationWithdrawal {
  basis: WithdrawalBasis;
  channel?: RequestChannel;
  hearingId?: string;
  note?: string;
}

/** The hearing a deemed withdrawal rests on, as the case holds it (null: not one of the case's hearings). */
export interface MissedHearing {
  heldAt: Date | null;
  attendance: HearingAttendance | null;
  cancelledAt: Date | null;
}

/**
 * The field error a deemed withdrawal meets, or null. 调解仲裁法 第三十六条, 办案规则 第三十九条: an applicant who,
 * notified in writing, does not attend without good reason may be treated as having withdrawn — so the hearing must be
 * one of the case's, held (its record entered) and record the applicant (claimant) ABSENT.
 */
export function deemedWithdrawalError(hearing: MissedHearing | null): FieldError | null {
  if (
    hearing &&
    hearing.heldAt !== null &&
    hearing.cancelledAt === null &&
    hearing.attendance?.claimant === 'ABSENT'
  )
    return null;
  return fieldError(
    'withdrawal.hearingId',
    'applicantAbsent',
    '按撤回仲裁申请处理须依据本案已开庭且记录申请人未到庭的庭审（调解仲裁法第三十六条）',
    'a deemed withdrawal needs a hearing of this case that was held and records the applicant as absent (调解仲裁法 第三十六条)',
  );
}

/** The key of the worker's SMS wording (ARBITRATION_CLOSED_WITHOUT_AWARD) for a closing without an award. */
export function closureNoticeKey(
  closureType: 'WITHDRAWN' | 'TERMINATED',
  withdrawal: ArbitrationWithdrawal | undefined,
): 'WITHDRAWN' | 'WITHDRAWN_ABSENT' | 'TERMINATED' {
  if (closureType === 'TERMINATED') return 'TERMINATED';
  return withdrawal?.basis === 'ABSENT_FROM_HEARING' ? 'WITHDRAWN_ABSENT' : 'WITHDRAWN';
}
