/**
 * The feature SQL: one statement, CTEs per source, GROUP BY employer (and scoring date), with FILTER per window.
 * The same statement scores every employer (nightly: employerIds = null), one employer (rescore: a filter) or
 * a history day by day (backtest: many dates, employers with activity only). Other modules' rows come only from
 * the views they publish for it (*_risk_source, wage_crime_threshold_source; docs/read-contracts.md).
 */

import { keyArray, keySlots } from '../database/key-lists';
import { LAYOFF_RULES } from '../filings/layoff.rules';
import { prepared } from '../database/prepared-statements';
import { OTHER_CATEGORY_FEATURES } from './risk.features';
import { CRIME_CASE_COLUMNS, crimeCaseCtes } from './risk-crime-cases.sql';
import { CRIME_FINDING_COLUMNS, crimeFindingCtes } from './risk-crime-findings.sql';

/**
 * The first and last scoring date, as scalar subqueries the planner evaluates once (InitPlans): bounds on each
 * source's date column that do not depend on the joined target row, so a scan reads only the window of every
 * scoring date (on the national set, 0.9 M of 10 M complaints) instead of joining every row and filtering after.
 */
/**
 * The employer's street, which is its warnings' jurisdiction: the registered street, else the workplace street of
 * its latest complaint (97 days), else the jurisdiction of its latest inspection case. An employer created from a
 * complaint has no registered street; without the case's street a warning raised by an inspection case alone had
 * none, so only ADMIN saw it and its escalation reached nobody.
 */
const STREET = 'COALESCE(t.employer_street, c.complaint_street, ic.case_street)';
const LO = '(SELECT min(as_of) FROM days)';
const HI = '(SELECT max(as_of) FROM days)';

/**
 * Wage claims paid, in part or in full, by the scoring date (audit 2026-12-07: a paid employer kept its RED warning).
 * A claim is a complaint, or the collective dispute it belongs to (a collective mediation pays the dispute's claims
 * together). pay: what was paid on each claim in the 97 days — instalments of its mediation agreement marked paid,
 * and recoveries of the inspection case opened on the complaint; pcl: those claims with their wage claims of 90 days
 * (a payment follows its claim, so the window bounds both). Few rows: only claims with a payment.
 */
const PAID_CLAIMS_CTES = [
  `pay AS (
    SELECT t.employer_id, t.as_of, g.claim_key, sum(g.fen)::float8 AS paid
      FROM targets t JOIN (
        SELECT m.employer_id, COALESCE(m.collective_dispute_id, m.complaint_id) AS claim_key, p.paid_on,
               p.amount_fen AS fen
          FROM mediation_payment_risk_source p
          JOIN mediation_agreement_risk_source a ON a.id = p.agreement_id
          JOIN mediation_case_risk_source m ON m.id = a.case_id
         WHERE p.status = 'PAID' AND p.paid_on > ${LO} - 97 AND p.paid_on <= ${HI}
        UNION ALL
        SELECT i.employer_id, COALESCE(k.collective_dispute_id, k.id), r.paid_on, r.amount_fen
          FROM inspection_recovery_risk_source r
          JOIN inspection_risk_source i ON i.id = r.case_id
          JOIN complaint_risk_source k ON k.id = i.complaint_id
         WHERE r.paid_on > ${LO} - 97 AND r.paid_on <= ${HI}) g
        ON g.employer_id = t.employer_id AND g.paid_on <= t.as_of AND g.paid_on > t.as_of - 97
     GROUP BY t.employer_id, t.as_of, g.claim_key)`,
  `pcl AS (
    SELECT p.employer_id, p.as_of, p.claim_key, p.paid, sum(COALESCE(x.claimed_amount_fen, 0))::float8 AS claimed
      FROM pay p JOIN complaint_risk_source x
        ON x.employer_id = p.employer_id AND COALESCE(x.collective_dispute_id, x.id) = p.claim_key
     WHERE x.status <> 'REJECTED' AND x.category = 'WAGE_ARREARS'
       AND x.received_on <= p.as_of AND x.received_on > p.as_of - 90
     GROUP BY p.employer_id, p.as_of, p.claim_key, p.paid)`,
  // The balance of the paid claims, per employer and date.
  `po AS (
    SELECT employer_id, as_of, sum(GREATEST(claimed - paid, 0))::float8 AS owed
      FROM pcl GROUP BY employer_id, as_of)`,
];
/** Wages claimed in 90 days still owed: the claims with no payment, and the balance of those paid in part. */
const OWED_FEN = '(COALESCE(c.unpaid_fen90d, 0) + COALESCE(po.owed, 0))';

/**
 * Parameters: $1 date[] scoring dates, $2 uuid[] employers (null = all), $3 boolean only employers with activity.
 *
 * With `employers` (the rescore of a few employers on one date), the text is instead: $1 the one date, $2 the
 * boolean, and `employers` an array expression of the keys (`keyArray` from $3, database/key-lists.ts) — a text
 * whose generic plan sees what a custom plan sees, so it can be kept prepared. Planned per call, this statement
 * cost PostgreSQL more planning than running (bench/README.md, "Tenth pass").
 */
export function featureSql(employers?: string): string {
  const ctes: string[] = [];
  const joins: string[] = [];
  const cols: string[] = [];
  const active: string[] = [
    'c.employer_id IS NOT NULL',
    's.employer_id IS NOT NULL',
    'col.employer_id IS NOT NULL',
  ];
  /** Sources of "the wage-crime threshold is met", OR-ed. */
  const crime: string[] = [];

  ctes.push(
    employers
      ? `days AS (SELECT $1::date AS as_of)`
      : `days AS (SELECT DISTINCT unnest($1::date[]) AS as_of)`,
  );
  ctes.push(`targets AS (
    SELECT e.id AS employer_id, d.as_of, COALESCE(e.industry_code = 'E', false) AS construction,
           e.street_code AS employer_street
      FROM employer_risk_source e CROSS JOIN days d
     WHERE ${employers ? `e.id = ANY (${employers})` : '$2::uuid[] IS NULL OR e.id = ANY ($2::uuid[])'})`);
  ctes.push(...PAID_CLAIMS_CTES);
  // Complaints and reports of the 97 days up to the scoring date (90 days before the last 7, for the surge), each
  // with whether its claim was paid in part (pcl) and in full by the scoring date.
  ctes.push(`cw AS (
    SELECT t.employer_id, t.as_of, x.id, x.category, x.received_on, x.created_at, x.workplace_street_code,
           COALESCE(x.claimed_amount_fen, 0) AS fen,
           x.worker_key AS worker, x.unverified_key AS unverified,
           t.as_of - x.received_on AS age,
           pcl.claim_key IS NOT NULL AS paid_claim, COALESCE(pcl.paid >= pcl.claimed, false) AS settled
      FROM targets t JOIN complaint_risk_source x ON x.employer_id = t.employer_id
      LEFT JOIN pcl ON pcl.employer_id = t.employer_id AND pcl.as_of = t.as_of
                   AND pcl.claim_key = COALESCE(x.collective_dispute_id, x.id)
     WHERE x.status <> 'REJECTED' AND x.received_on <= t.as_of AND x.received_on > t.as_of - 97
       AND x.received_on <= ${HI} AND x.received_on > ${LO} - 97)`);
  ctes.push(`c AS (
    SELECT employer_id, as_of,
      count(*) FILTER (WHERE age < 7)::int AS complaints7d,
      count(*) FILTER (WHERE age < 30)::int AS complaints30d,
      count(*) FILTER (WHERE age < 90)::int AS complaints90d,
      count(*) FILTER (WHERE age < 7 AND category = 'WAGE_ARREARS')::int AS wage7d,
      count(*) FILTER (WHERE age < 30 AND category = 'WAGE_ARREARS')::int AS wage30d,
      count(*) FILTER (WHERE age < 90 AND category = 'WAGE_ARREARS')::int AS wage90d,
      ${OTHER_CATEGORY_FEATURES.map((x) => `count(*) FILTER (WHERE age < ${x.days} AND category = '${x.category}')::int AS "${x.name}"`).join(',\n      ')},
      count(DISTINCT worker) FILTER (WHERE age < 7)::int AS workers7d,
      count(DISTINCT worker) FILTER (WHERE age < 30)::int AS workers30d,
      count(DISTINCT worker) FILTER (WHERE age < 90)::int AS workers90d,
      count(DISTINCT unverified) FILTER (WHERE age < 30)::int AS unverified30d,
      COALESCE(sum(fen) FILTER (WHERE age < 30 AND category = 'WAGE_ARREARS'), 0)::float8 AS fen30d,
      COALESCE(sum(fen) FILTER (WHERE age < 90 AND category = 'WAGE_ARREARS'), 0)::float8 AS fen90d,
      count(DISTINCT worker) FILTER (WHERE age < 90 AND category = 'WAGE_ARREARS')::int AS wage_workers90d,
      count(DISTINCT worker) FILTER (WHERE age < 90 AND category = 'WAGE_ARREARS' AND NOT settled)::int AS owed_workers90d,
      COALESCE(sum(fen) FILTER (WHERE age < 90 AND category = 'WAGE_ARREARS' AND NOT paid_claim), 0)::float8 AS unpaid_fen90d,
      COALESCE(max(fen) FILTER (WHERE age < 90 AND category = 'WAGE_ARREARS'), 0)::float8 AS max_claim90d,
      count(*) FILTER (WHERE age >= 7)::int AS prior90,
      min(received_on) FILTER (WHERE age < 30)::text AS first30d,
      max(received_on) FILTER (WHERE age < 30)::text AS last30d,
      array_agg(id ORDER BY received_on, created_at, id) FILTER (WHERE age < 7) AS ids7d,
      array_agg(id ORDER BY received_on, created_at, id) FILTER (WHERE age < 30) AS ids30d,
      array_agg(id ORDER BY received_on, created_at, id) FILTER (WHERE age < 90) AS ids90d,
      array_agg(id ORDER BY received_on, created_at, id) FILTER (WHERE age < 30 AND category = 'WAGE_ARREARS') AS wage_ids30d,
      array_agg(id ORDER BY received_on, created_at, id) FILTER (WHERE age < 90 AND category = 'WAGE_ARREARS') AS wage_ids90d,
      (array_agg(workplace_street_code ORDER BY received_on DESC, created_at DESC))[1] AS complaint_street
    FROM cw GROUP BY employer_id, as_of)`);
  // The largest group of distinct workers with a common claim (same category) in 30 days.
  ctes.push(`cat AS (
    SELECT DISTINCT ON (employer_id, as_of) employer_id, as_of, category, workers, ids
      FROM (SELECT employer_id, as_of, category, count(DISTINCT worker)::int AS workers,
                   array_agg(id ORDER BY received_on, created_at, id) AS ids
              FROM cw WHERE age < 30 GROUP BY employer_id, as_of, category) g
     ORDER BY employer_id, as_of, workers DESC, category)`);
  ctes.push(`col AS (
    SELECT t.employer_id, t.as_of, count(*)::int AS n, array_agg(d.id ORDER BY d.created_at, d.id) AS ids
      FROM targets t JOIN collective_dispute_risk_source d ON d.employer_id = t.employer_id
     WHERE (d.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN t.as_of - 89 AND t.as_of
     GROUP BY t.employer_id, t.as_of)`);
  ctes.push(`sw AS (
    SELECT t.employer_id, t.as_of, x.id, x.kind, x.value::float8 AS value, x.observed_at,
           t.as_of - (x.observed_at AT TIME ZONE 'Asia/Shanghai')::date AS age
      FROM targets t JOIN risk_signals x ON x.employer_id = t.employer_id
     WHERE (x.observed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN t.as_of - 364 AND t.as_of
       AND x.observed_at >= (${LO} - 364)::timestamp AT TIME ZONE 'Asia/Shanghai'
       AND x.observed_at < (${HI} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  ctes.push(`s AS (
    SELECT employer_id, as_of,
      COALESCE((array_agg(value ORDER BY observed_at DESC) FILTER (WHERE kind = 'SOCIAL_INSURANCE_ARREARS_MONTHS' AND age < 90))[1], 0) AS si_months,
      count(*) FILTER (WHERE kind = 'PAYROLL_ACCOUNT_MISSED_PAYMENT' AND age < 30 AND value > 0)::int AS payroll30d,
      COALESCE((array_agg(value ORDER BY observed_at DESC) FILTER (WHERE kind = 'UTILITY_USAGE_DROP_PCT' AND age < 30))[1], 0) AS utility_drop,
      count(*) FILTER (WHERE kind = 'TAX_FILING_ANOMALY' AND age < 90 AND value > 0)::int AS tax90d,
      COALESCE((array_agg(value ORDER BY observed_at DESC) FILTER (WHERE kind = 'ABNORMAL_OPERATION_LISTED'))[1] > 0, false) AS abnormal,
      count(*) FILTER (WHERE kind = 'COURT_ENFORCEMENT' AND age < 90 AND value > 0)::int AS court90d,
      array_agg(id ORDER BY observed_at, id) FILTER (WHERE age < 90) AS ids90d
    FROM sw GROUP BY employer_id, as_of)`);
  joins.push(
    'LEFT JOIN c USING (employer_id, as_of)',
    'LEFT JOIN cat USING (employer_id, as_of)',
    'LEFT JOIN col USING (employer_id, as_of)',
    'LEFT JOIN s USING (employer_id, as_of)',
    'LEFT JOIN po USING (employer_id, as_of)',
  );
  cols.push(
    `COALESCE(c.complaints7d, 0) AS "complaints7d"`,
    `COALESCE(c.complaints30d, 0) AS "complaints30d"`,
    `COALESCE(c.complaints90d, 0) AS "complaints90d"`,
    `COALESCE(c.wage7d, 0) AS "wageComplaints7d"`,
    `COALESCE(c.wage30d, 0) AS "wageComplaints30d"`,
    `COALESCE(c.wage90d, 0) AS "wageComplaints90d"`,
    ...OTHER_CATEGORY_FEATURES.map((x) => `COALESCE(c."${x.name}", 0) AS "${x.name}"`),
    `COALESCE(c.workers7d, 0) AS "distinctComplainants7d"`,
    `COALESCE(c.workers30d, 0) AS "distinctComplainants30d"`,
    `COALESCE(c.workers90d, 0) AS "distinctComplainants90d"`,
    `COALESCE(c.unverified30d, 0) AS "unverifiedComplainants30d"`,
    `COALESCE(c.fen30d, 0) AS "claimedArrearsFen30d"`,
    `COALESCE(c.fen90d, 0) AS "claimedArrearsFen90d"`,
    `COALESCE(c.wage_workers90d, 0) AS "wageWorkers90d"`,
    `${OWED_FEN} AS "owedArrearsFen90d"`,
    `COALESCE(c.owed_workers90d, 0) AS "owedWageWorkers90d"`,
    `COALESCE(c.max_claim90d, 0) AS "maxWorkerClaimFen90d"`,
    `COALESCE(cat.workers, 0) AS "maxCommonClaimWorkers30d"`,
    `COALESCE(cat.category, '') AS "commonClaimCategory30d"`,
    `round(COALESCE(c.prior90, 0) * 7 / 90.0, 2)::float8 AS "complaintsPrior90dWeeklyAvg"`,
    `(CASE WHEN COALESCE(c.complaints7d, 0) = 0 THEN 0 WHEN c.prior90 = 0 THEN 1000000
           ELSE round(c.complaints7d / (c.prior90 * 7 / 90.0), 2) END)::float8 AS "surgeRatio7d"`,
    `COALESCE(c.first30d, '') AS "firstComplaintOn30d"`,
    `COALESCE(c.last30d, '') AS "lastComplaintOn30d"`,
    `COALESCE(c.ids7d, '{}') AS "complaintIds7d"`,
    `COALESCE(c.ids30d, '{}') AS "complaintIds30d"`,
    `COALESCE(c.ids90d, '{}') AS "complaintIds90d"`,
    `COALESCE(c.wage_ids30d, '{}') AS "wageComplaintIds30d"`,
    `COALESCE(c.wage_ids90d, '{}') AS "wageComplaintIds90d"`,
    `COALESCE(cat.ids, '{}') AS "commonClaimComplaintIds30d"`,
    `COALESCE(col.n, 0) AS "collectiveCases90d"`,
    `COALESCE(col.ids, '{}') AS "collectiveCaseIds90d"`,
    `COALESCE(s.si_months, 0) AS "socialInsuranceArrearsMonths"`,
    `COALESCE(s.payroll30d, 0) AS "payrollMissedPayments30d"`,
    `COALESCE(s.utility_drop, 0) AS "utilityUsageDropPct"`,
    `COALESCE(s.tax90d, 0) AS "taxFilingAnomalies90d"`,
    `COALESCE(s.abnormal, false) AS "abnormalOperationListed"`,
    `COALESCE(s.court90d, 0) AS "courtEnforcements90d"`,
    `COALESCE(s.ids90d, '{}') AS "signalIds90d"`,
    `t.construction AS "construction"`,
  );

  ctes.push(`ic AS (
      SELECT t.employer_id, t.as_of,
        count(*) FILTER (WHERE x.received_on <= t.as_of AND (x.closed_on IS NULL OR x.closed_on > t.as_of)
                           AND (x.refused_on IS NULL OR x.refused_on > t.as_of))::int AS open_cases,
        count(*) FILTER (WHERE x.transferred_to_police AND x.received_on > t.as_of - 1095 AND x.received_on <= t.as_of)::int AS police3y,
        (array_agg(x.jurisdiction_code ORDER BY x.received_on DESC))[1] AS case_street
        FROM targets t JOIN inspection_risk_source x ON x.employer_id = t.employer_id
       WHERE x.received_on <= t.as_of
       GROUP BY t.employer_id, t.as_of)`);
  joins.push('LEFT JOIN ic USING (employer_id, as_of)');
  cols.push(
    `COALESCE(ic.open_cases, 0) AS "openInspectionCases"`,
    `COALESCE(ic.police3y, 0) AS "policeTransfers3y"`,
  );
  active.push('ic.employer_id IS NOT NULL');

  // The province's amounts in force on the scoring date (province = the first two digits of the street).
  const province = `left(${STREET}, 2)`;
  ctes.push(`thr AS (
      SELECT DISTINCT ON (t.employer_id, t.as_of) t.employer_id, t.as_of, w.single_worker_fen,
             w.single_worker_min_months, w.multi_workers, w.multi_workers_total_fen
        FROM targets t
        LEFT JOIN c USING (employer_id, as_of)
        LEFT JOIN ic USING (employer_id, as_of)
        JOIN wage_crime_threshold_source w ON w.province_code = ${province} AND w.effective_from <= t.as_of
       ORDER BY t.employer_id, t.as_of, w.effective_from DESC)`);
  joins.push('LEFT JOIN thr USING (employer_id, as_of)');
  // Each source of "the threshold is met" is a fact of its own, with the figures that met it, so a rule's
  // explanation can cite the facts that made it fire (issue 18: the flag came from an inspection case or a
  // finding while the explanation quoted the complaints' window, "0名劳动者，累计0.00元").
  // Wage claims of 90 days: enough distinct workers with the total (法释〔2013〕3号 第三条第二项).
  // Only what is still owed counts: claims paid in full drop their workers, paid claims count their balance.
  const byComplaints = `COALESCE(thr.multi_workers IS NOT NULL AND COALESCE(c.owed_workers90d, 0) >= thr.multi_workers
        AND ${OWED_FEN} >= thr.multi_workers_total_fen, false)`;
  cols.push(`${byComplaints} AS "wageCrimeByComplaints"`);
  crime.push(byComplaints);
  // Inspection cases of 365 days whose wages meet the figures (法释〔2013〕3号 第三条, the case's own test), by their
  // order to pay (第四条): not paid in time (the referral assessment), its period running, or none issued yet
  // (risk-crime-cases.sql.ts).
  ctes.push(...crimeCaseCtes(LO, HI));
  joins.push('LEFT JOIN icc USING (employer_id, as_of)');
  cols.push(...CRIME_CASE_COLUMNS);
  crime.push('COALESCE(icc.n, 0) > 0');

  ctes.push(`v AS (
      SELECT t.employer_id, t.as_of, count(*)::int AS n
        FROM targets t
        JOIN violation_risk_source x ON x.employer_id = t.employer_id
       WHERE x.found_on > t.as_of - 1095 AND x.found_on <= t.as_of AND x.found_on > ${LO} - 1095 AND x.found_on <= ${HI}
       GROUP BY t.employer_id, t.as_of)`);
  joins.push('LEFT JOIN v USING (employer_id, as_of)');
  cols.push(`COALESCE(v.n, 0) AS "pastViolations3y"`);
  // Violations found in the last year that met the province's 拒不支付劳动报酬 figures, by their order to pay: not paid
  // in time (the referral assessment), or its period still running (risk-crime-findings.sql.ts).
  ctes.push(...crimeFindingCtes(LO, HI));
  joins.push('LEFT JOIN vc USING (employer_id, as_of)');
  cols.push(...CRIME_FINDING_COLUMNS);
  crime.push('COALESCE(vc.n, 0) > 0');
  active.push('v.employer_id IS NOT NULL');
  cols.push(`(${crime.join(' OR ')}) AS "wageCrimeThresholdMet"`);

  cols.push(
    `EXISTS (SELECT 1 FROM blacklist_risk_source b WHERE b.employer_id = t.employer_id AND b.listed_on <= t.as_of
                   AND (b.status = 'LISTED' OR (b.status <> 'LISTED' AND COALESCE(b.removed_on, b.expires_on) > t.as_of))) AS "blacklisted"`,
  );
  cols.push(
    `COALESCE((SELECT g.grade FROM grade_risk_source g WHERE g.employer_id = t.employer_id
                    AND g.year <= extract(year FROM t.as_of) ORDER BY g.year DESC LIMIT 1), '') AS "grade"`,
  );

  // A filing is an Art 41 layoff alone (art41_applies) or with the employer's cuts filed by the scoring date whose
  // layoff dates lie within the window of its own (g: summed cut, largest staff reported) — the platform rule against
  // splitting, as assessArt41 (filings/layoff.rules.ts) applies it at filing; rows filed before the rule included.
  const w = LAYOFF_RULES.AGGREGATION_WINDOW_DAYS;
  ctes.push(`lf AS (
      SELECT t.employer_id, t.as_of, count(*)::int AS n, COALESCE(sum(x.headcount_cut), 0)::int AS cut,
             count(*) FILTER (WHERE x.art41_applies OR g.cut >= ${LAYOFF_RULES.HEADCOUNT_THRESHOLD}
                                OR g.cut * 100 >= g.staff * ${LAYOFF_RULES.SHARE_THRESHOLD_PERCENT})::int AS art41,
             array_agg(x.id ORDER BY x.filed_on, x.id) AS ids
        FROM targets t JOIN layoff_filing_risk_source x ON x.employer_id = t.employer_id
        CROSS JOIN LATERAL (
          SELECT sum(y.headcount_cut) AS cut, max(y.total_headcount) AS staff
            FROM layoff_filing_risk_source y
           WHERE y.employer_id = x.employer_id AND y.filed_on <= t.as_of
             AND y.layoff_on BETWEEN x.layoff_on - ${w} AND x.layoff_on + ${w}) g
       WHERE x.filed_on > t.as_of - 90 AND x.filed_on <= t.as_of AND x.filed_on > ${LO} - 90 AND x.filed_on <= ${HI}
       GROUP BY t.employer_id, t.as_of)`);
  joins.push('LEFT JOIN lf USING (employer_id, as_of)');
  active.push('lf.employer_id IS NOT NULL');
  cols.push(
    `COALESCE(lf.n, 0) AS "layoffFilings90d"`,
    `COALESCE(lf.cut, 0) AS "layoffHeadcountCut90d"`,
    `COALESCE(lf.art41, 0) AS "layoffArt41Filings90d"`,
    `COALESCE(lf.ids, '{}') AS "layoffFilingIds90d"`,
  );

  ctes.push(`cn AS (
      SELECT t.employer_id, t.as_of, count(*)::int AS n, array_agg(x.id ORDER BY x.notified_on, x.id) AS ids
        FROM targets t JOIN closure_notice_risk_source x ON x.employer_id = t.employer_id
       WHERE x.notified_on > t.as_of - 90 AND x.notified_on <= t.as_of AND x.notified_on > ${LO} - 90
         AND x.notified_on <= ${HI} GROUP BY t.employer_id, t.as_of)`);
  joins.push('LEFT JOIN cn USING (employer_id, as_of)');
  active.push('cn.employer_id IS NOT NULL');
  cols.push(`COALESCE(cn.n, 0) AS "closureNotices90d"`, `COALESCE(cn.ids, '{}') AS "closureNoticeIds90d"`);

  return `WITH ${ctes.join(',\n')}
SELECT t.employer_id, t.as_of::text AS as_of, ${STREET} AS street_code,
       ${cols.join(',\n       ')}
  FROM targets t
  ${joins.join('\n  ')}
 WHERE NOT ${employers ? '$2' : '$3'}::boolean OR ${active.join(' OR ')}
 ORDER BY t.as_of, t.employer_id`;
}

/** The rescore's texts by the number of key placeholders (featureSql with `employers`). */
const KEYED = new Map<number, string>();

/**
 * The feature statement and its parameters. A rescore (up to 64 employers on one date, the common case: each
 * intake rescores its employer) goes out on a prepared text with the keys in it, whose generic plan PostgreSQL
 * keeps (on the pudong set ≈ 1 ms a call against ≈ 5 ms planned each time); the nightly scan and the backtest
 * (every employer, or many dates) on the general text, planned per call for their parameters.
 */
export function featureQuery(p: {
  days: string[];
  employerIds: string[] | null;
  activeOnly: boolean;
}): [string, unknown[]] {
  if (
    p.employerIds === null ||
    p.employerIds.length === 0 ||
    p.days.length !== 1 ||
    keySlots(p.employerIds.length) === null
  )
    return [featureSql(), [p.days, p.employerIds, p.activeOnly]];
  const k = keyArray('uuid', p.employerIds, 3);
  const slots = k.params.length;
  let text = KEYED.get(slots);
  if (text === undefined) KEYED.set(slots, (text = prepared(featureSql(k.sql))));
  return [text, [p.days[0], p.activeOnly, ...k.params]];
}
