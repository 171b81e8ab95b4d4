/**
 * The recorded findings (employer_violations) that make the referral assessment of 拒不支付劳动报酬罪, and those that
 * will if their order stays unpaid: CTEs of the feature SQL (risk-features.sql.ts), after `targets` and `thr`.
 *
 * The offence needs 经政府有关部门责令支付仍不支付 (刑法 第二百七十六条之一), read by 法释〔2013〕3号 第四条 as 责令支付后在指定的
 * 期限内仍不支付, of wages 数额较大 (第三条). A finding met the province's figures on the wages found; whether the order to
 * pay was then complied with is `orderToPayStage` (inspection/wage-crime.rules.ts), applied here per finding and date:
 * - NOT_PAID_IN_TIME (the refusal recorded, or the order's last day passed with wages unpaid) and the wages unpaid by
 *   that last day still meet the figures (as the inspection case's own test, `meetsWageCrimeSql`) → counted by
 *   wageCrimeViolations365d (RED, assess a transfer); wages paid later do not undo it;
 * - RUNNING (the order's period runs, wages unpaid that meet the figures) → wageCrimeViolationsOrderRunning365d;
 * - paid in full within the period, or no order to pay → neither (audit 2026-12-07: a RED on an employer that paid
 *   30,000 元 as ordered, before the deadline).
 * A finding entered by hand (source MANUAL, no case) has no order on record but its `order_refused`: it counts when
 * that is recorded, on the figures it was recorded as meeting.
 */
import { meetsWageCrimeSql, orderToPayStageSql, paidByOrderSql } from './risk-order-to-pay.sql';

/** `lo`, `hi`: the first and last scoring date (scalar subqueries). */
export function crimeFindingCtes(lo: string, hi: string): string[] {
  return [
    // Each finding of 365 days recorded as meeting the figures, with its case's order and the wages unpaid by the
    // order's last day (by the scoring date while the period runs).
    `vfw AS (
      SELECT t.employer_id, t.as_of, x.id, x.found_on, x.order_refused, i.id IS NOT NULL AS from_case,
             i.rectify_due_on AS due_on, i.workers_affected, i.months_unpaid,
             GREATEST(i.arrears_fen - COALESCE((
               SELECT sum(r.amount_fen) FROM inspection_recovery_risk_source r
                WHERE r.case_id = i.id AND ${paidByOrderSql('r.paid_on', 't.as_of', 'i.rectify_due_on')}), 0),
               0)::float8 AS unpaid
        FROM targets t
        JOIN violation_risk_source x ON x.employer_id = t.employer_id
        LEFT JOIN inspection_risk_source i ON x.source_type = 'INSPECTION' AND i.id = x.source_id
       WHERE x.meets_crime_threshold AND x.found_on > t.as_of - 365 AND x.found_on <= t.as_of
         AND x.found_on > ${lo} - 365 AND x.found_on <= ${hi})`,
    // orderToPayStage, per finding; those whose unpaid wages (of a case) no longer meet the figures are left out.
    `vfs AS (
      SELECT f.employer_id, f.as_of, f.id, f.found_on, f.due_on,
             ${orderToPayStageSql({ refused: 'f.order_refused', dueOn: 'f.due_on', asOf: 'f.as_of', unpaid: 'f.unpaid' })} AS stage
        FROM vfw f LEFT JOIN thr USING (employer_id, as_of)
       WHERE NOT f.from_case OR (thr.employer_id IS NOT NULL AND ${meetsWageCrimeSql('f', 'f.unpaid')}))`,
    `vc AS (
      SELECT employer_id, as_of,
             count(*) FILTER (WHERE stage = 'NOT_PAID_IN_TIME')::int AS n,
             array_agg(id ORDER BY found_on, id) FILTER (WHERE stage = 'NOT_PAID_IN_TIME') AS ids,
             count(*) FILTER (WHERE stage = 'RUNNING')::int AS running,
             array_agg(id ORDER BY found_on, id) FILTER (WHERE stage = 'RUNNING') AS running_ids,
             min(due_on) FILTER (WHERE stage = 'RUNNING')::text AS due_on
        FROM vfs WHERE stage IN ('NOT_PAID_IN_TIME', 'RUNNING') GROUP BY employer_id, as_of)`,
  ];
}

/** The features of those CTEs (joined as `vc`). */
export const CRIME_FINDING_COLUMNS = [
  `COALESCE(vc.n, 0) AS "wageCrimeViolations365d"`,
  `COALESCE(vc.ids, '{}') AS "wageCrimeViolationIds365d"`,
  `COALESCE(vc.running, 0) AS "wageCrimeViolationsOrderRunning365d"`,
  `COALESCE(vc.running_ids, '{}') AS "wageCrimeViolationOrderRunningIds365d"`,
  `COALESCE(vc.due_on, '') AS "wageCrimeOrderDueOn"`,
];
