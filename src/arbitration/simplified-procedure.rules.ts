/**
 * 简易处理 (办案规则 (2017, 人社部令第33号) 第三章第三节): when a case may be handled simply by a sole arbitrator. Pure data and
 * functions; the tribunal service applies them (ArbitrationTribunalService.formTribunal).
 */

/** A row of the provincial average-annual-wage table (上年度职工年平均工资), money in fen. */
export interface AverageWageRow {
  province: string;
  /** The year the figure is the average of (e.g. 2024 for the figure published in 2025). */
  referenceYear: number;
  annualFen: number;
  /** From when the figure is the one to use (its publication). */
  effectiveFrom: string;
}

/** The row of `province` in force on `date` (latest `effectiveFrom` on or before it), or null. */
export function rowInForce<T extends { province: string; effectiveFrom: string }>(
  rows: readonly T[],
  province: string,
  date: string,
): T | null {
  let best: T | null = null;
  for (const r of rows)
    if (r.province === province && r.effectiveFrom <= date && (!best || r.effectiveFrom > best.effectiveFrom))
      best = r;
  return best;
}

/** The grounds of 办案规则 第五十六条第一款: any one of them allows simple handling. */
export const SIMPLIFIED_GROUNDS = [
  // 第五十六条第一款第（一）项: 事实清楚、权利义务关系明确、争议不大的
  'FACTS_CLEAR',
  // 第五十六条第一款第（二）项: 标的额不超过本省、自治区、直辖市上年度职工年平均工资的
  'AMOUNT_WITHIN_AVERAGE_WAGE',
  // 第五十六条第一款第（三）项: 双方当事人同意简易处理的
  'PARTIES_AGREE',
] as const;
export type SimplifiedGround = (typeof SIMPLIFIED_GROUNDS)[number];

/** The exclusions of 办案规则 第五十七条: any one of them forbids simple handling (不得简易处理). */
export const SIMPLIFIED_EXCLUSIONS = [
  // 第五十七条第（一）项: 涉及国家利益、社会公共利益的
  'PUBLIC_INTEREST',
  // 第五十七条第（二）项: 有重大社会影响的
  'MAJOR_SOCIAL_IMPACT',
  // 第五十七条第（三）项: 被申请人下落不明的
  'RESPONDENT_MISSING',
  // 第五十七条第（四）项: 仲裁委员会认为不宜简易处理的
  'COMMISSION_DEEMS_UNSUITABLE',
] as const;
export type SimplifiedExclusion = (typeof SIMPLIFIED_EXCLUSIONS)[number];

export interface SimplifiedFacts {
  /** 事实清楚、权利义务关系明确、争议不大 (the arbitrators' finding). */
  factsClear: boolean;
  /** 双方当事人同意简易处理. */
  partiesAgree: boolean;
  /** Total claimed (标的额), fen. */
  totalClaimFen: number;
  /** The province's average annual wage in force on the application date; null when none is recorded. */
  averageAnnualWageFen: number | null;
  /** The exclusions of 第五十七条 found to apply. */
  exclusions: readonly SimplifiedExclusion[];
}

export interface SimplifiedAnswer {
  /** May be handled simply, so by a sole arbitrator (第五十六条第二款: 可以指定一名仲裁员独任仲裁). */
  allowed: boolean;
  grounds: SimplifiedGround[];
  /** The 第五十七条 exclusions that apply (allowed is then false whatever the grounds). */
  excludedBy: SimplifiedExclusion[];
}

/**
 * 办案规则 第五十六条 (any one ground) and 第五十七条 (no exclusion). A collective dispute is no exception: 第六十二条第二款
 * lets a collective dispute meeting a 第五十六条 ground be handled simply. Without a recorded average wage the amount
 * ground is not met (the safer answer: the other grounds still apply).
 */
export function simplifiedProcedure(f: SimplifiedFacts): SimplifiedAnswer {
  const grounds: SimplifiedGround[] = [];
  if (f.factsClear) grounds.push('FACTS_CLEAR');
  if (f.averageAnnualWageFen !== null && f.totalClaimFen <= f.averageAnnualWageFen)
    grounds.push('AMOUNT_WITHIN_AVERAGE_WAGE');
  if (f.partiesAgree) grounds.push('PARTIES_AGREE');
  const excludedBy = SIMPLIFIED_EXCLUSIONS.filter((e) => f.exclusions.includes(e));
  return { allowed: grounds.length > 0 && excludedBy.length === 0, grounds, excludedBy };
}
