/**
 * The SQL forms of the 拒不支付劳动报酬罪 tests the feature SQL applies to a recorded finding
 * (risk-crime-findings.sql.ts) and to an inspection case (risk-crime-cases.sql.ts) alike, so the two never drift:
 * 数额较大 (法释〔2013〕3号 第三条, `assessWageCrime`) and where the order to pay stands (第四条, `orderToPayStage`,
 * both in inspection/wage-crime.rules.ts). The e2e risk-recovered-arrears checks them against those functions on
 * PostgreSQL (fast-check).
 */

/**
 * Does the amount `fen` of case row `x` (workers_affected, months_unpaid) meet the figures of `thr`? 法释〔2013〕3号
 * 第三条 as assessWageCrime (inspection/wage-crime.rules.ts) applies it: (一) every worker unpaid for the minimum months
 * and the average reaching the one-worker amount, or (二) enough workers with the total.
 */
export function meetsWageCrimeSql(x: string, fen: string): string {
  return `((${x}.workers_affected >= 1 AND ${x}.months_unpaid >= thr.single_worker_min_months
             AND ${fen} >= thr.single_worker_fen * ${x}.workers_affected)
          OR (${x}.workers_affected >= thr.multi_workers AND ${fen} >= thr.multi_workers_total_fen))`;
}

/**
 * Is a payment made on `paidOn` one `orderToPayStage` counts on `asOf`? Paid by the order's last day `dueOn`, or by
 * `asOf` while the period runs (or with no order: what is paid by `asOf`); later payments are not seen.
 */
export function paidByOrderSql(paidOn: string, asOf: string, dueOn: string): string {
  return `${paidOn} <= LEAST(${asOf}, COALESCE(${dueOn}, ${asOf}))`;
}

/**
 * `orderToPayStage` (inspection/wage-crime.rules.ts) on `asOf`, as a CASE giving the same four names:
 * `refused` the refusal recorded, `dueOn` the order's last day (NULL: no order), `unpaid` the wages found less those
 * paid as `paidByOrderSql` counts them (法释〔2013〕3号 第四条: 责令支付后在指定的期限内仍不支付).
 */
export function orderToPayStageSql(x: {
  refused: string;
  dueOn: string;
  asOf: string;
  unpaid: string;
}): string {
  return `(CASE WHEN ${x.refused} THEN 'NOT_PAID_IN_TIME'
                WHEN ${x.dueOn} IS NULL THEN 'NO_ORDER'
                WHEN ${x.unpaid} <= 0 THEN 'PAID_IN_TIME'
                WHEN ${x.asOf} > ${x.dueOn} THEN 'NOT_PAID_IN_TIME'
                ELSE 'RUNNING' END)`;
}
