import type { ComplaintCategory, IntakeChannel } from '../../src/complaints/complaint.constants';
import type { Weighted } from './rng';

/*
 * Every number the generator draws from, in one place. Sources are named where a public figure exists; the rest
 * are our stated assumptions (bench/README.md lists them). They shape realistic data for benchmarks, nothing more.
 */

/**
 * Complaint category mix. Assumption, shaped after the MOHRSS statistical bulletins (人力资源和社会保障事业发展统计
 * 公报), where 劳动报酬 (pay) dominates both inspection complaints and arbitration cases; the per-category split is
 * not published in this form, so the shares below are ours.
 */
export const CATEGORY_MIX: Weighted<ComplaintCategory> = [
  ['WAGE_ARREARS', 0.42],
  ['OVERTIME_PAY', 0.1],
  ['NO_CONTRACT', 0.09],
  ['SOCIAL_INSURANCE', 0.14],
  ['UNLAWFUL_TERMINATION', 0.12],
  ['WORK_INJURY', 0.05],
  ['WORKING_HOURS_LEAVE', 0.04],
  ['OTHER', 0.04],
];

/** Wage-arrears weight multiplier for construction employers (建筑业, the sector the arrears campaigns target). */
export const CONSTRUCTION_ARREARS_FACTOR = 2.5;

/** Intake channels (assumption: online first, the 12333 hotline and walk-ins for the rest). */
export const CHANNEL_MIX: Weighted<IntakeChannel> = [
  ['WEB', 0.3],
  ['MOBILE', 0.35],
  ['HOTLINE_12333', 0.2],
  ['WALK_IN', 0.15],
];

/** Share of 举报 (reports, possibly anonymous) among all intake (assumption). */
export const REPORT_SHARE = 0.06;
/** Share of online complaints filed from a registered worker account (the rest give name and phone). */
export const REGISTERED_SHARE_ONLINE = 0.8;

/** Employer sectors, GB/T 4754-2017 门类 letters (assumption, roughly an urban district's register). */
export const INDUSTRY_MIX: Weighted<string> = [
  ['C', 0.2],
  ['E', 0.1],
  ['F', 0.2],
  ['G', 0.08],
  ['H', 0.1],
  ['I', 0.07],
  ['K', 0.06],
  ['L', 0.06],
  ['M', 0.08],
  ['O', 0.05],
];
/** Complaint propensity by sector relative to the rest (assumption: construction, catering, labour dispatch). */
export const INDUSTRY_COMPLAINT_FACTOR: Readonly<Record<string, number>> = { E: 3, H: 1.5, L: 1.5, C: 1.2 };

/**
 * Size classes and headcount ranges. Thresholds follow 统计上大中小微型企业划分办法 (国家统计局, 2017) for
 * industry (micro < 20, small < 300, medium < 1000 employees); the shares are an assumption (micro firms dominate).
 */
export const SIZE_MIX: Weighted<readonly ['MICRO' | 'SMALL' | 'MEDIUM' | 'LARGE', number, number]> = [
  [['MICRO', 1, 19], 0.72],
  [['SMALL', 20, 299], 0.22],
  [['MEDIUM', 300, 999], 0.045],
  [['LARGE', 1000, 8000], 0.015],
];
/** Complaints per employer grow with headcount^this (sub-linear; assumption). */
export const HEADCOUNT_ELASTICITY = 0.6;
/** Log-normal sigma of the per-employer "conduct" factor: a few employers draw many complaints (assumption). */
export const EMPLOYER_CONDUCT_SIGMA = 1.2;

/** Workers named in one complaint: mostly one; a tail of group complaints (≥10 = collective, 调解仲裁法 第七条). */
export const AFFECTED_WORKERS: Weighted<readonly [number, number]> = [
  [[1, 1], 0.85],
  [[2, 9], 0.1],
  [[10, 60], 0.05],
];

/** Claimed amount per worker in fen: log-normal (median, sigma) by category; null = no amount claimed. */
export const CLAIM_PER_WORKER: Readonly<Record<ComplaintCategory, readonly [number, number] | null>> = {
  WAGE_ARREARS: [1_200_000, 0.9],
  OVERTIME_PAY: [600_000, 0.8],
  NO_CONTRACT: [2_000_000, 0.7],
  SOCIAL_INSURANCE: [800_000, 0.9],
  UNLAWFUL_TERMINATION: [3_000_000, 0.8],
  WORK_INJURY: [5_000_000, 1],
  WORKING_HOURS_LEAVE: [300_000, 0.8],
  OTHER: null,
};

/** Share of complaints asking for arbitration directly (assumption). */
export const WANTS_ARBITRATION_SHARE = 0.15;

/** Intake decision: refused in writing (assumption) within 1–7 calendar days (5 working days, 若干规定 第十八条). */
export const REJECT_SHARE = 0.1;
export const DECISION_DAYS: readonly [number, number] = [0, 7];
/** Days from acceptance to routing (assumption). */
export const ROUTING_DAYS: readonly [number, number] = [0, 5];
/** Staff follow the routing suggestion (routing.rules.ts) this often; otherwise another target (assumption). */
export const FOLLOW_SUGGESTION_SHARE = 0.85;

/** Mediation outcomes (assumption; Shanghai reports a mediation success rate around 60%). */
export const MEDIATION_OUTCOMES: Weighted<'AGREEMENT' | 'FAILED' | 'WITHDRAWN' | 'EXPIRED'> = [
  ['AGREEMENT', 0.58],
  ['FAILED', 0.17],
  ['WITHDRAWN', 0.1],
  ['EXPIRED', 0.15],
];
/** Days to an agreement: log-normal (median 8, sigma 0.5), at most the 15-day period (调解仲裁法 第十四条). */
export const MEDIATION_AGREEMENT_DAYS: readonly [number, number] = [8, 0.5];
/** Agreements' performance (assumption): performed, still performing, defaulted. */
export const AGREEMENT_STATUS_MIX: Weighted<'PERFORMED' | 'PERFORMING' | 'DEFAULTED'> = [
  ['PERFORMED', 0.82],
  ['PERFORMING', 0.1],
  ['DEFAULTED', 0.08],
];
/** A failed or expired mediation goes on to arbitration this often (assumption). */
export const MEDIATION_TO_ARBITRATION_SHARE = 0.45;

/** Arbitration: applications refused (不予受理) (assumption), decided 1–5 days after applying (第二十九条). */
export const ARBITRATION_REJECT_SHARE = 0.07;
/** How accepted cases end (assumption; mediated and withdrawn cases are a large share in practice). */
export const ARBITRATION_CLOSURES: Weighted<'AWARD' | 'MEDIATED' | 'WITHDRAWN' | 'TERMINATED'> = [
  ['AWARD', 0.45],
  ['MEDIATED', 0.35],
  ['WITHDRAWN', 0.15],
  ['TERMINATED', 0.05],
];
/** Days from acceptance to closure by closure type: log-normal (median, sigma). */
export const ARBITRATION_DAYS: Readonly<
  Record<'AWARD' | 'MEDIATED' | 'WITHDRAWN' | 'TERMINATED', readonly [number, number]>
> = {
  AWARD: [38, 0.3],
  MEDIATED: [20, 0.5],
  WITHDRAWN: [15, 0.6],
  TERMINATED: [30, 0.4],
};
/**
 * Overdue share: cases closed after the 45 + 15 days of 调解仲裁法 第四十三条 (assumption chosen so the closure
 * rate sits near the 92% target: the KPI has something to show). Others are capped at 60 days, extended past 45.
 */
export const ARBITRATION_OVERDUE_SHARE = 0.05;
export const ARBITRATION_OVERDUE_DAYS: readonly [number, number] = [61, 120];
/** Share of awards that are final (一裁终局, 第四十七条) (assumption). */
export const FINAL_AWARD_SHARE = 0.35;

/** Calendar intensity. */
export const YEARLY_GROWTH = 0.06;
export const WEEKEND_FACTOR = 0.4;
export const HOLIDAY_FACTOR = 0.25;
/**
 * Wage-arrears peak before the Spring Festival (岁末年初 根治欠薪 campaigns: workers going home unpaid): the
 * arrears intensity is multiplied by PEAK_FACTOR during the PEAK_DAYS days before the holiday starts.
 */
export const PEAK_DAYS = 42;
export const PEAK_FACTOR = 2.6;

/**
 * Inspection (劳动保障监察) of complaints routed to the brigade. Acceptance within 5 working days (若干规定 第十八条),
 * investigation within 60 working days, +30 when extended (劳动保障监察条例 第十七条). Shares are assumptions.
 */
export const INSPECTION_REFUSE_SHARE = 0.08;
export const INSPECTION_LATE_ACCEPTANCE_SHARE = 0.02;
export const INSPECTION_EXTENDED_SHARE = 0.1;
/** Working days from 立案 to closure: log-normal (median, sigma), capped at the due date except the overdue. */
export const INSPECTION_WORKDAYS: readonly [number, number] = [25, 0.6];
/** Closed after the due date (chosen so the on-time rate sits near the 98% target). */
export const INSPECTION_OVERDUE_SHARE = 0.025;
export const INSPECTION_CLOSURES: Weighted<
  'RECTIFIED' | 'PENALISED' | 'TRANSFERRED' | 'NO_VIOLATION' | 'REVOKED' | 'MERGED'
> = [
  ['RECTIFIED', 0.5],
  ['PENALISED', 0.1],
  ['TRANSFERRED', 0.02],
  ['NO_VIOLATION', 0.3],
  ['REVOKED', 0.05],
  ['MERGED', 0.03],
];

/**
 * External signals (社保、税务、市场监管、银行、水电、法院) per employer: an employer with conduct factor k draws
 * Poisson(SIGNALS_PER_EMPLOYER × k) signals over the period (assumption: bad payers show up in other registers).
 */
export const SIGNALS_PER_EMPLOYER = 0.4;
export const SIGNAL_KINDS: Weighted<readonly [source: string, kind: string]> = [
  [['SOCIAL_INSURANCE', 'SOCIAL_INSURANCE_ARREARS_MONTHS'], 0.3],
  [['BANK', 'PAYROLL_ACCOUNT_MISSED_PAYMENT'], 0.15],
  [['UTILITY', 'UTILITY_USAGE_DROP_PCT'], 0.2],
  [['TAX', 'TAX_FILING_ANOMALY'], 0.15],
  [['MARKET_REGULATION', 'ABNORMAL_OPERATION_LISTED'], 0.1],
  [['COURT', 'COURT_ENFORCEMENT'], 0.1],
];

/**
 * Layoff filings (经济性裁员, 劳动合同法 第四十一条: ≥ 20 workers or ≥ 10 % of the workforce must be reported) and
 * closure/relocation notices: per employer over the period, probability × sqrt(conduct) (assumption: employers
 * in trouble cut staff and close more often). Only employers with 20+ workers file layoffs.
 */
export const LAYOFF_PROBABILITY = 0.08;
export const CLOSURE_PROBABILITY = 0.03;
export const CLOSURE_KINDS: Weighted<'CLOSURE' | 'MERGER' | 'CONVERSION' | 'RELOCATION'> = [
  ['CLOSURE', 0.5],
  ['RELOCATION', 0.25],
  ['MERGER', 0.15],
  ['CONVERSION', 0.1],
];
