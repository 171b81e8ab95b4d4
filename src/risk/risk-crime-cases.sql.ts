/**
 * The inspection cases of 365 days whose wages meet the province's 拒不支付劳动报酬罪 figures, by their order to pay:
 * CTEs of the feature SQL (risk-features.sql.ts), after `targets` and `thr`.
 *
 * The offence needs 经政府有关部门责令支付仍不支付 (刑法 第二百七十六条之一), read by 法释〔2013〕3号 第四条 as 责令支付后在指定的
 * 期限内仍不支付, of wages 数额较大 (第三条). Wages found owed, however large, are not yet that (audit 2026-12-07: a case
 * with no order, or one still in its period, raised RED 评估移送公安机关). Per case and scoring date, as the recorded
 * findings are judged (risk-crime-findings.sql.ts), `orderToPayStage` in its SQL form (risk-order-to-pay.sql.ts) on the
 * wages unpaid by the order's last day (by the scoring date while it runs, or with no order), which must meet the
 * figures (`meetsWageCrimeSql`, the case's own test):
 * - NOT_PAID_IN_TIME (the refusal recorded, `order_refused`, or the last day `rectify_due_on` passed unpaid) →
 *   wageCrimeInspectionCases365d (RED, assess a transfer); wages paid after the last day do not undo it;
 * - RUNNING → wageCrimeInspectionCasesOrderRunning365d (ORANGE, the last day watched);
 * - NO_ORDER, the case still open on the scoring date → wageCrimeInspectionCasesNoOrder365d (YELLOW: 依法责令限期支付,
 *   劳动保障监察条例 第二十六条); a case closed without an order has no order left to issue;
 * - PAID_IN_TIME → none.
 * One join of the recoveries per case of the window (no per-row subquery), as before.
 */
import { meetsWageCrimeSql, orderToPayStageSql, paidByOrderSql } from './risk-order-to-pay.sql';

/** `lo`, `hi`: the first and last scoring date (scalar subqueries). */
export function crimeCaseCtes(lo: string, hi: string): string[] {
  return [
    `icw AS (
      SELECT t.employer_id, t.as_of, x.id, x.received_on, x.workers_affected, x.months_unpaid,
             x.rectify_due_on AS due_on, x.order_refused,
             (x.closed_on IS NULL OR x.closed_on > t.as_of) AND (x.refused_on IS NULL OR x.refused_on > t.as_of) AS is_open,
             GREATEST(x.arrears_fen - COALESCE(sum(r.amount_fen)
               FILTER (WHERE ${paidByOrderSql('r.paid_on', 't.as_of', 'x.rectify_due_on')}), 0), 0)::float8 AS unpaid
        FROM targets t
        JOIN inspection_risk_source x ON x.employer_id = t.employer_id
        LEFT JOIN inspection_recovery_risk_source r ON r.case_id = x.id AND r.paid_on <= t.as_of
       WHERE x.received_on > t.as_of - 365 AND x.received_on <= t.as_of
         AND x.received_on > ${lo} - 365 AND x.received_on <= ${hi}
       GROUP BY t.employer_id, t.as_of, x.id, x.received_on, x.workers_affected, x.months_unpaid, x.arrears_fen,
                x.rectify_due_on, x.order_refused, x.closed_on, x.refused_on)`,
    `ics AS (
      SELECT x.*, ${orderToPayStageSql({ refused: 'x.order_refused', dueOn: 'x.due_on', asOf: 'x.as_of', unpaid: 'x.unpaid' })} AS stage
        FROM icw x JOIN thr USING (employer_id, as_of)
       WHERE ${meetsWageCrimeSql('x', 'x.unpaid')})`,
    // The figures shown are those of the case not paid in time with the most unpaid by its last day.
    `icc AS (
      SELECT employer_id, as_of,
             count(*) FILTER (WHERE stage = 'NOT_PAID_IN_TIME')::int AS n,
             array_agg(id ORDER BY received_on, id) FILTER (WHERE stage = 'NOT_PAID_IN_TIME') AS ids,
             (array_agg(workers_affected ORDER BY unpaid DESC, id) FILTER (WHERE stage = 'NOT_PAID_IN_TIME'))[1] AS workers,
             (array_agg(unpaid ORDER BY unpaid DESC, id) FILTER (WHERE stage = 'NOT_PAID_IN_TIME'))[1] AS fen,
             count(*) FILTER (WHERE stage = 'RUNNING')::int AS running,
             array_agg(id ORDER BY received_on, id) FILTER (WHERE stage = 'RUNNING') AS running_ids,
             min(due_on) FILTER (WHERE stage = 'RUNNING')::text AS due_on,
             count(*) FILTER (WHERE stage = 'NO_ORDER' AND is_open)::int AS no_order,
             array_agg(id ORDER BY received_on, id) FILTER (WHERE stage = 'NO_ORDER' AND is_open) AS no_order_ids
        FROM ics GROUP BY employer_id, as_of)`,
  ];
}

/** The features of those CTEs (joined as `icc`). */
export const CRIME_CASE_COLUMNS = [
  `COALESCE(icc.n, 0) AS "wageCrimeInspectionCases365d"`,
  `COALESCE(icc.ids, '{}') AS "wageCrimeInspectionCaseIds365d"`,
  `COALESCE(icc.workers, 0) AS "wageCrimeCaseWorkers"`,
  `COALESCE(icc.fen, 0) AS "wageCrimeCaseArrearsFen"`,
  `COALESCE(icc.running, 0) AS "wageCrimeInspectionCasesOrderRunning365d"`,
  `COALESCE(icc.running_ids, '{}') AS "wageCrimeInspectionCaseOrderRunningIds365d"`,
  `COALESCE(icc.due_on, '') AS "wageCrimeCaseOrderDueOn"`,
  `COALESCE(icc.no_order, 0) AS "wageCrimeInspectionCasesNoOrder365d"`,
  `COALESCE(icc.no_order_ids, '{}') AS "wageCrimeInspectionCaseNoOrderIds365d"`,
];
