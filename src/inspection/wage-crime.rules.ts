import { fieldError, type FieldError } from '../common/errors/app-exception';
import { formatYuan } from '../common/money';

/**
 * 拒不支付劳动报酬罪 (刑法 第二百七十六条之一): 数额较大 and refusal to pay after the government ordered payment.
 * 最高人民法院《关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》(法释〔2013〕3号) 第三条: "数额较大" is
 * (一) 拒不支付一名劳动者三个月以上的劳动报酬且数额在五千元至二万元以上的, or
 * (二) 拒不支付十名以上劳动者的劳动报酬且数额累计在三万元至十万元以上的;
 * each province's high court fixes its figure within the ranges (stored in wage_crime_thresholds, by effective date).
 */
export const WAGE_CRIME_RANGES = {
  // 法释〔2013〕3号 第三条第（一）项: 5,000–20,000 元, three months or more, one worker
  SINGLE_WORKER_MIN_FEN: 500_000,
  SINGLE_WORKER_MAX_FEN: 2_000_000,
  SINGLE_WORKER_MIN_MONTHS: 3,
  // 法释〔2013〕3号 第三条第（二）项: ten workers or more, 30,000–100,000 元 in total
  MULTI_WORKERS: 10,
  MULTI_TOTAL_MIN_FEN: 3_000_000,
  MULTI_TOTAL_MAX_FEN: 10_000_000,
} as const;

export interface WageCrimeThreshold {
  provinceCode: string;
  effectiveFrom: string;
  singleWorkerFen: number;
  singleWorkerMinMonths: number;
  multiWorkers: number;
  multiWorkersTotalFen: number;
  basis: string;
  verified: boolean;
}

export interface WageCrimeFacts {
  /** Workers owed wages. */
  workers: number;
  /** Wages still unpaid, fen (all workers). */
  arrearsFen: number;
  /**
   * Months of wages unpaid: with several workers, the fewest any of them is owed (each is owed at least that many);
   * null when unknown. Not the longest: with it, one worker's three months and another's large sum made (一) hold though
   * no worker met both.
   */
  monthsUnpaid: number | null;
}

export interface WageCrimeAssessment {
  meets: boolean;
  threshold: WageCrimeThreshold | null;
  reasons: string[];
}

/** The row in force on `on` (latest effective on or before it), or null. */
export function thresholdOn(
  rows: readonly WageCrimeThreshold[],
  provinceCode: string,
  on: string,
): WageCrimeThreshold | null {
  let best: WageCrimeThreshold | null = null;
  for (const r of rows)
    if (
      r.provinceCode === provinceCode &&
      r.effectiveFrom <= on &&
      (!best || r.effectiveFrom > best.effectiveFrom)
    )
      best = r;
  return best;
}

/**
 * Does the unpaid amount meet 数额较大? (一) needs one worker owed the threshold for 3+ months: with several workers
 * only the total is known; some worker is owed at least the average, and every worker at least `monthsUnpaid` months
 * (the fewest), so (一) holds when the average (arrearsFen / workers) reaches the threshold and the fewest months reach
 * 3 — a sound lower bound, never an over-statement. (二) needs
 * 10+ workers and the total.
 */
export function assessWageCrime(t: WageCrimeThreshold | null, f: WageCrimeFacts): WageCrimeAssessment {
  if (!t) return { meets: false, threshold: null, reasons: ['本省（市）未配置拒不支付劳动报酬罪数额标准'] };
  const reasons: string[] = [];
  const months = f.monthsUnpaid ?? 0;
  const single =
    f.workers >= 1 && months >= t.singleWorkerMinMonths && f.arrearsFen >= t.singleWorkerFen * f.workers;
  const multi = f.workers >= t.multiWorkers && f.arrearsFen >= t.multiWorkersTotalFen;
  if (single)
    reasons.push(
      `拖欠${f.workers === 1 ? '一名' : '每名'}劳动者${months}个月劳动报酬，人均${formatYuan(Math.floor(f.arrearsFen / f.workers))}，达到${formatYuan(t.singleWorkerFen)}（法释〔2013〕3号第三条第一项）`,
    );
  if (multi)
    reasons.push(
      `拖欠${f.workers}名劳动者劳动报酬累计${formatYuan(f.arrearsFen)}，达到${t.multiWorkers}人以上累计${formatYuan(t.multiWorkersTotalFen)}（法释〔2013〕3号第三条第二项）`,
    );
  if (!single && !multi) {
    if (f.workers < 1 || f.arrearsFen <= 0) reasons.push('无未支付的劳动报酬');
    else {
      if (months < t.singleWorkerMinMonths)
        reasons.push(
          `拖欠月数${f.monthsUnpaid ?? '未知'}，不足${t.singleWorkerMinMonths}个月（第三条第一项）`,
        );
      else reasons.push(`人均拖欠不足${formatYuan(t.singleWorkerFen)}（第三条第一项）`);
      if (f.workers < t.multiWorkers)
        reasons.push(`涉及${f.workers}人，不足${t.multiWorkers}人（第三条第二项）`);
      else reasons.push(`累计拖欠不足${formatYuan(t.multiWorkersTotalFen)}（第三条第二项）`);
    }
  }
  return { meets: single || multi, threshold: t, reasons };
}

/**
 * Where an order to pay (责令支付: the 限期整改指令书's compliance date) stands on a date. The offence needs
 * 经政府有关部门责令支付仍不支付 (刑法 第二百七十六条之一), which 法释〔2013〕3号 第四条 reads as 责令支付后在指定的期限内仍不支付:
 * - NO_ORDER: no order to pay was issued (and no refusal recorded) — the condition cannot hold;
 * - PAID_IN_TIME: the wages found were paid in full within the period (by its last day) — it never holds;
 * - RUNNING: the period is still running and wages are unpaid — it holds if they stay unpaid after its last day;
 * - NOT_PAID_IN_TIME: the period ended with wages unpaid, or staff recorded the refusal (RECORD_ORDER_REFUSED, only
 *   after the period) — it holds; wages paid later do not undo it (第六条 weighs them in the criminal case).
 * Payments after `on` are not seen (a backtest reads history as it was). The risk scan's feature SQL
 * (risk/risk-crime-findings.sql.ts) applies the same test to each finding.
 */
export const ORDER_TO_PAY_STAGES = ['NO_ORDER', 'PAID_IN_TIME', 'RUNNING', 'NOT_PAID_IN_TIME'] as const;
export type OrderToPayStage = (typeof ORDER_TO_PAY_STAGES)[number];

export interface OrderToPayFacts {
  /** The order's compliance date (its last day, Asia/Shanghai); null when no order to pay was issued. */
  complianceDueOn: string | null;
  /** The refusal recorded by staff after the period (the case's and the register's orderRefused). */
  refusalRecorded: boolean;
  /** Wages found unpaid, fen. */
  arrearsFen: number;
  /** Wages paid under the order (inspection recoveries), with the day each was paid. */
  payments: readonly { paidOn: string; amountFen: number }[];
}

export function orderToPayStage(f: OrderToPayFacts, on: string): OrderToPayStage {
  if (f.refusalRecorded) return 'NOT_PAID_IN_TIME';
  if (f.complianceDueOn === null) return 'NO_ORDER';
  const by = on < f.complianceDueOn ? on : f.complianceDueOn;
  const paid = f.payments.reduce((sum, p) => (p.paidOn <= by ? sum + p.amountFen : sum), 0);
  if (paid >= f.arrearsFen) return 'PAID_IN_TIME';
  return on > f.complianceDueOn ? 'NOT_PAID_IN_TIME' : 'RUNNING';
}

/** A province's figure must lie within the national ranges (法释〔2013〕3号 第三条第二款). */
export function thresholdErrors(
  t: Omit<WageCrimeThreshold, 'basis' | 'verified' | 'effectiveFrom'>,
): FieldError[] {
  const r = WAGE_CRIME_RANGES;
  const errors: FieldError[] = [];
  const push = (field: string, zh: string, en: string) =>
    errors.push(fieldError(field, 'statutoryRange', zh, en));
  if (t.singleWorkerFen < r.SINGLE_WORKER_MIN_FEN || t.singleWorkerFen > r.SINGLE_WORKER_MAX_FEN)
    push(
      'singleWorkerFen',
      'singleWorkerFen 须在 500000 至 2000000 分（5,000 至 20,000 元）之间',
      'singleWorkerFen must be within 500000..2000000 fen (5,000–20,000 元)',
    );
  if (t.multiWorkersTotalFen < r.MULTI_TOTAL_MIN_FEN || t.multiWorkersTotalFen > r.MULTI_TOTAL_MAX_FEN)
    push(
      'multiWorkersTotalFen',
      'multiWorkersTotalFen 须在 3000000 至 10000000 分（30,000 至 100,000 元）之间',
      'multiWorkersTotalFen must be within 3000000..10000000 fen (30,000–100,000 元)',
    );
  if (t.singleWorkerMinMonths !== r.SINGLE_WORKER_MIN_MONTHS)
    push(
      'singleWorkerMinMonths',
      'singleWorkerMinMonths 为 3（第三条第一项）',
      'singleWorkerMinMonths is 3 (第三条第一项)',
    );
  if (t.multiWorkers !== r.MULTI_WORKERS)
    push('multiWorkers', 'multiWorkers 为 10（第三条第二项）', 'multiWorkers is 10 (第三条第二项)');
  return errors;
}
