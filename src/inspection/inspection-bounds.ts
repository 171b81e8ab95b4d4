import { addDays } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';

/** The wages and workers found (the findings) and those already recovered against them. */
export interface FoundAndRecovered {
  arrearsFen: number;
  workersAffected: number;
  recoveredFen: number;
  recoveredWorkers: number;
}

/**
 * What a recovery (追发) would take past the findings, or null when it stays within them: the wages recovered add up
 * to no more than the arrears found, the workers newly paid to no more than the workers affected. More found is
 * recorded as findings first (RECORD_FINDINGS, or a further order), then recovered.
 */
// 劳动保障监察条例 第二十六条: the employer is ordered to pay the wages owed (应付金额); what it pays is paid against them.
export function recoveryExcess(c: FoundAndRecovered, add: { amountFen: number; workersCovered: number }) {
  const remainingFen = Math.max(0, c.arrearsFen - c.recoveredFen);
  const remainingWorkers = Math.max(0, c.workersAffected - c.recoveredWorkers);
  if (add.amountFen <= remainingFen && add.workersCovered <= remainingWorkers) return null;
  return {
    arrearsFen: c.arrearsFen,
    recoveredFen: c.recoveredFen,
    remainingFen,
    amountFen: add.amountFen,
    workersAffected: c.workersAffected,
    recoveredWorkers: c.recoveredWorkers,
    remainingWorkers,
    workersCovered: add.workersCovered,
  };
}

/** 409 RECOVERY_EXCEEDS_FINDINGS when a recovery would take the case past its findings (`recoveryExcess`). */
export function assertRecoveryWithinFindings(
  c: FoundAndRecovered,
  add: { amountFen: number; workersCovered: number },
): void {
  const excess = recoveryExcess(c, add);
  if (excess)
    throw AppException.conflict(
      'RECOVERY_EXCEEDS_FINDINGS',
      'The wages recovered would exceed the arrears found, or the workers paid the workers affected',
      excess,
    );
}

/**
 * 409 FINDINGS_BELOW_RECOVERED when amended findings fall below what was already recovered (the same bound as
 * `recoveryExcess`, from the other side): `next` are the findings the case would hold.
 */
export function assertFindingsCoverRecovered(
  c: FoundAndRecovered,
  next: { arrearsFen: number; workersAffected: number },
): void {
  if (next.arrearsFen >= c.recoveredFen && next.workersAffected >= c.recoveredWorkers) return;
  throw AppException.conflict(
    'FINDINGS_BELOW_RECOVERED',
    'The findings cannot be less than the wages and workers already recovered',
    {
      arrearsFen: next.arrearsFen,
      recoveredFen: c.recoveredFen,
      workersAffected: next.workersAffected,
      recoveredWorkers: c.recoveredWorkers,
    },
  );
}

/**
 * The fine that punishes an order not complied with, by its basis or by the fact its notice states: 劳动保障监察条例
 * 第三十条第一款第（三）项 (经劳动保障行政部门责令改正拒不改正). Other fines of the 条例 come with the order itself and
 * need no lapse first (第二十三条 女职工、未成年工; 第二十五条 延长工作时间: 给予警告，责令限期改正，并可以…处以罚款;
 * 第二十七条 瞒报; 第三十条第一款第（一）、（二）项 阻挠、隐瞒): those stay allowed at once.
 */
// 劳动保障监察条例 第三十条第一款第（三）项: 经责令改正拒不改正 — only after the order's deadline (as RECORD_ORDER_REFUSED).
export const LAPSED_ORDER_PENALTY = {
  basis: /第三十条(第一款)?第[（(]三[）)]项/,
  claim: /逾期(未|不)改正|拒不改正/,
} as const;

export function penaltyNeedsLapsedOrder(f: { basis: string; violations: string }): boolean {
  return LAPSED_ORDER_PENALTY.basis.test(f.basis) || LAPSED_ORDER_PENALTY.claim.test(f.violations);
}

/**
 * Has the rectification order lapsed on `on`? It must have been issued before `on` (else 409 NO_ORDER_TO_REFUSE,
 * thrown here) and its deadline `dueOn` passed: when not, the day after the deadline, for the caller's own 409 (the
 * refusal of the order, a fine for it). Null when the order has lapsed.
 */
export function orderNotLapsed(
  order: { issuedOn: string } | null,
  dueOn: string | null,
  on: string,
): { dueOn: string; earliestOn: string } | null {
  if (!order || on < order.issuedOn)
    throw AppException.conflict('NO_ORDER_TO_REFUSE', 'No order to rectify was issued before this date');
  return dueOn && on <= dueOn ? { dueOn, earliestOn: addDays(dueOn, 1) } : null;
}

/**
 * A penalty notice for an order not complied with (`penaltyNeedsLapsedOrder`) needs the order to have lapsed
 * (`orderNotLapsed`: 409 NO_ORDER_TO_REFUSE, PENALTY_BEFORE_COMPLIANCE_DUE), as an order is refused only after its
 * deadline (orderRefused); any other penalty is noticed at once.
 */
export function assertPenaltyNoticeTimely(
  f: { basis: string; violations: string },
  order: { issuedOn: string } | null,
  complianceDueOn: string | null,
  on: string,
): void {
  if (!penaltyNeedsLapsedOrder(f)) return;
  const early = orderNotLapsed(order, complianceDueOn, on);
  if (early)
    throw AppException.conflict(
      'PENALTY_BEFORE_COMPLIANCE_DUE',
      'A fine for an order not complied with waits until its deadline has passed (监察条例 第三十条第一款第（三）项)',
      { complianceDueOn: early.dueOn, earliestOn: early.earliestOn },
    );
}
