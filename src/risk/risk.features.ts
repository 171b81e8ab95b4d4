import { COMPLAINT_CATEGORIES } from '../complaints/complaint.constants';
/**
 * The FEATURES catalogue: every fact a rule may test, with its type and meaning. It is the single source of the
 * rule-set schema (allowed facts) and of the feature SQL's output columns (risk.repository.ts). Windows end on
 * the scoring date (Asia/Shanghai) inclusive: "30d" = the 30 calendar days up to and including that date.
 * `source` names the table (or column) of another module a feature reads, where it is not the complaints' own.
 */
export type FeatureType = 'integer' | 'number' | 'boolean' | 'string' | 'date' | 'ids';

export interface FeatureDef {
  name: string;
  type: FeatureType;
  description: string;
  /** The table (or "table.column") of another module this feature reads. */
  source?: string;
}

const f = (name: string, type: FeatureType, description: string, source?: string): FeatureDef => ({
  name,
  type,
  description,
  ...(source ? { source } : {}),
});

/** Complaint categories other than wage arrears (which has features of its own), counted per 30/90-day window. */
export const OTHER_CATEGORY_FEATURES = COMPLAINT_CATEGORIES.filter((c) => c !== 'WAGE_ARREARS').flatMap(
  (category) =>
    ([30, 90] as const).map((days) => ({
      category,
      days,
      name: `${camel(category)}Complaints${days}d`,
    })),
);

function camel(category: string): string {
  return category.toLowerCase().replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

export const FEATURES: readonly FeatureDef[] = [
  f('complaints7d', 'integer', 'complaints and reports received in 7 days (not rejected)'),
  f('complaints30d', 'integer', 'complaints and reports received in 30 days'),
  f('complaints90d', 'integer', 'complaints and reports received in 90 days'),
  f('wageComplaints7d', 'integer', 'wage-arrears complaints in 7 days'),
  f('wageComplaints30d', 'integer', 'wage-arrears complaints in 30 days'),
  f('wageComplaints90d', 'integer', 'wage-arrears complaints in 90 days'),
  ...OTHER_CATEGORY_FEATURES.map((x) =>
    f(x.name, 'integer', `complaints of category ${x.category} in ${x.days} days`),
  ),
  f('distinctComplainants7d', 'integer', 'distinct verified workers (accounts) who complained in 7 days'),
  f('distinctComplainants30d', 'integer', 'distinct verified workers (accounts) who complained in 30 days'),
  f('distinctComplainants90d', 'integer', 'distinct verified workers (accounts) who complained in 90 days'),
  f(
    'unverifiedComplainants30d',
    'integer',
    'distinct complainants named in 30 days who are no verified account (filed on their behalf), counted apart',
  ),
  f('claimedArrearsFen30d', 'integer', 'wage arrears claimed in 30 days (fen)'),
  f('claimedArrearsFen90d', 'integer', 'wage arrears claimed in 90 days (fen)'),
  f('wageWorkers90d', 'integer', 'distinct verified workers claiming wage arrears in 90 days'),
  f(
    'owedArrearsFen90d',
    'integer',
    'wage arrears claimed in 90 days still owed on the scoring date (fen): claimed less paid under a mediation ' +
      "agreement (the complaint's or its collective dispute's) and recovered by the complaint's inspection case",
  ),
  f(
    'owedWageWorkers90d',
    'integer',
    'distinct verified workers of wageWorkers90d whose claim is not paid in full',
  ),
  f('maxWorkerClaimFen90d', 'integer', 'largest wage-arrears claim of one worker in 90 days (fen)'),
  f(
    'maxCommonClaimWorkers30d',
    'integer',
    'the largest number of distinct verified workers with complaints of one category in 30 days (common claim)',
  ),
  f('commonClaimCategory30d', 'string', 'the category of that largest group'),
  f('complaintsPrior90dWeeklyAvg', 'number', 'weekly average of complaints in the 90 days before the last 7'),
  f(
    'surgeRatio7d',
    'number',
    'complaints in 7 days ÷ the weekly average of the 90 days before (1000000 when that average is 0 and there are complaints, 0 when none)',
  ),
  f('firstComplaintOn30d', 'date', 'first receipt date in 30 days'),
  f('lastComplaintOn30d', 'date', 'last receipt date in 30 days'),
  f('complaintIds7d', 'ids', 'ids of the complaints of 7 days'),
  f('complaintIds30d', 'ids', 'ids of the complaints of 30 days'),
  f('complaintIds90d', 'ids', 'ids of the complaints of 90 days'),
  f('wageComplaintIds30d', 'ids', 'ids of the wage complaints of 30 days'),
  f('wageComplaintIds90d', 'ids', 'ids of the wage complaints of 90 days'),
  f('commonClaimComplaintIds30d', 'ids', 'ids of the complaints of the largest common-claim group'),
  f('collectiveCases90d', 'integer', 'collective disputes (调解仲裁法 第七条) confirmed in 90 days'),
  f('collectiveCaseIds90d', 'ids', 'ids of those collective disputes'),
  f(
    'socialInsuranceArrearsMonths',
    'number',
    'latest social-insurance arrears in months (90 days), 0 if none',
  ),
  f('payrollMissedPayments30d', 'integer', 'payroll-account missed payments reported in 30 days'),
  f('utilityUsageDropPct', 'number', 'latest utility usage drop in percent (30 days), 0 if none'),
  f('taxFilingAnomalies90d', 'integer', 'tax filing anomalies reported in 90 days'),
  f('abnormalOperationListed', 'boolean', 'on the abnormal-operation list per the latest signal (365 days)'),
  f('courtEnforcements90d', 'integer', 'court enforcements reported in 90 days'),
  f('signalIds90d', 'ids', 'ids of the external signals of 90 days'),
  f('construction', 'boolean', 'the employer is in construction (industry E)', 'employers.industry_code'),
  f(
    'wageCrimeThresholdMet',
    'boolean',
    'any of wageCrimeByComplaints, wageCrimeInspectionCases365d ≥ 1, wageCrimeViolations365d ≥ 1 (kept for rule ' +
      'sets that test it; a rule should test the source it explains)',
    'wage_crime_thresholds',
  ),
  f(
    'wageCrimeByComplaints',
    'boolean',
    "the wage claims of 90 days meet the province's 拒不支付劳动报酬 multi-worker figures (wage_crime_thresholds: " +
      'owedWageWorkers90d ≥ multi_workers and owedArrearsFen90d ≥ multi_workers_total_fen: what is still owed)',
    'wage_crime_thresholds',
  ),
  f(
    'wageCrimeInspectionCases365d',
    'integer',
    'inspection cases received in 365 days whose order to pay was not complied with in its period (经责令支付仍不支付, ' +
      "法释〔2013〕3号 第四条: the refusal recorded, or the order's last day passed), the wages unpaid on that last day " +
      "meeting the province's figures (each worker unpaid for the minimum months and the arrears per worker reaching " +
      'the one-worker amount, or the multi-worker figures); paid later still counts; no order, or its period running, ' +
      'does not',
    'inspection_cases',
  ),
  f('wageCrimeInspectionCaseIds365d', 'ids', 'ids of those inspection cases', 'inspection_cases'),
  f(
    'wageCrimeCaseWorkers',
    'integer',
    'workers affected in the one of those cases with the most wages unpaid by its order’s last day (0 when none)',
    'inspection_cases',
  ),
  f(
    'wageCrimeCaseArrearsFen',
    'integer',
    'wages unpaid by its order’s last day (found less recovered by then) of that case (fen, 0 when none)',
    'inspection_cases',
  ),
  f(
    'wageCrimeInspectionCasesOrderRunning365d',
    'integer',
    'inspection cases received in 365 days whose order to pay is still in its period, the wages unpaid meeting the ' +
      "figures (they count in wageCrimeInspectionCases365d the day after the order's last day if unpaid)",
    'inspection_cases',
  ),
  f('wageCrimeInspectionCaseOrderRunningIds365d', 'ids', 'ids of those inspection cases', 'inspection_cases'),
  f(
    'wageCrimeCaseOrderDueOn',
    'string',
    "the earliest last day of those cases' orders to pay (YYYY-MM-DD, '' when none)",
    'inspection_cases',
  ),
  f(
    'wageCrimeInspectionCasesNoOrder365d',
    'integer',
    'inspection cases received in 365 days, open on the scoring date, whose wages still owed (found less recovered) ' +
      'meet the figures and that have no order to pay yet (no 责令改正指令书 with a compliance date)',
    'inspection_cases',
  ),
  f('wageCrimeInspectionCaseNoOrderIds365d', 'ids', 'ids of those inspection cases', 'inspection_cases'),
  f(
    'wageCrimeViolations365d',
    'integer',
    'violations found in 365 days recorded as meeting the threshold (employer_violations.meets_crime_threshold) ' +
      'whose order to pay was not complied with in its period (经责令支付仍不支付, 法释〔2013〕3号 第四条: the refusal ' +
      "recorded, or the order's last day passed with the wages unpaid that then met the figures; paid later counts); " +
      'one paid in full within the period does not count',
    'employer_violations',
  ),
  f('wageCrimeViolationIds365d', 'ids', 'ids of those violations', 'employer_violations'),
  f(
    'wageCrimeViolationsOrderRunning365d',
    'integer',
    'violations found in 365 days meeting the threshold whose order to pay is still in its period, the wages unpaid ' +
      "still meeting the figures (they count in wageCrimeViolations365d the day after the order's last day if unpaid)",
    'employer_violations',
  ),
  f('wageCrimeViolationOrderRunningIds365d', 'ids', 'ids of those violations', 'employer_violations'),
  f(
    'wageCrimeOrderDueOn',
    'string',
    "the earliest last day of those orders to pay (YYYY-MM-DD, '' when none)",
    'inspection_cases',
  ),
  f('openInspectionCases', 'integer', 'inspection cases not closed', 'inspection_cases'),
  f(
    'policeTransfers3y',
    'integer',
    'inspection cases transferred to the police in 3 years',
    'inspection_cases',
  ),
  f('pastViolations3y', 'integer', 'violations found in 3 years', 'employer_violations'),
  f('blacklisted', 'boolean', 'on the wage-arrears blacklist (LISTED)', 'wage_arrears_blacklist'),
  f('grade', 'string', "latest compliance grade 'A'|'B'|'C' ('' when none)", 'employer_grades'),
  f('layoffFilings90d', 'integer', 'layoff filings in 90 days', 'layoff_filings'),
  f('layoffHeadcountCut90d', 'integer', 'workers cut by those filings', 'layoff_filings'),
  f(
    'layoffArt41Filings90d',
    'integer',
    'filings of 90 days at or above the 劳动合同法 Art 41 threshold, alone or with the employer’s cuts whose layoff dates are within 90 days of theirs (platform rule against splitting)',
    'layoff_filings',
  ),
  f('layoffFilingIds90d', 'ids', 'ids of the layoff filings of 90 days', 'layoff_filings'),
  f('closureNotices90d', 'integer', 'closure/merger/relocation notices in 90 days', 'closure_notices'),
  f('closureNoticeIds90d', 'ids', 'ids of those notices', 'closure_notices'),
];

export const FEATURE_NAMES = FEATURES.map((x) => x.name);
export const FEATURE_BY_NAME = new Map(FEATURES.map((x) => [x.name, x]));

/** A feature vector: one value per catalogue feature. */
export type FeatureVector = Record<string, number | boolean | string | string[] | null>;
