import { addDays, compareDates, daysBetween } from '../calendar/local-date';
import { fieldError, type FieldError } from '../common/errors/app-exception';

/**
 * Economic layoffs (经济性裁员) as data. An employer that cuts staff for economic reasons explains the situation to
 * the union or all staff 30 days in advance, hears their opinion, and then reports the plan to the labor
 * administration; that report is what a layoff filing records.
 */
export const LAYOFF_RULES = {
  // 劳动合同法 第四十一条第一款: 需要裁减人员二十人以上 ...
  HEADCOUNT_THRESHOLD: 20,
  // 劳动合同法 第四十一条第一款: ... 或者裁减不足二十人但占企业职工总数百分之十以上 ("以上" includes the figure
  // itself — 民法典 第一千二百五十九条 — so 19 of 190 = 10% is caught, 19 of 191 is not).
  SHARE_THRESHOLD_PERCENT: 10,
  // 劳动合同法 第四十一条第一款: 提前三十日向工会或者全体职工说明情况，听取工会或者职工的意见后，
  // 裁减人员方案经向劳动行政部门报告; 企业经济性裁减人员规定 (劳部发〔1994〕447号) 第四条 (一)–(三): 提前30日
  // 向工会或者全体职工说明情况 → 征求意见 → 向当地劳动行政部门报告裁减人员方案以及工会或者全体职工的意见.
  NOTICE_DAYS: 30,
  // Platform rule against splitting, reading 劳动合同法 第四十一条: an employer's cuts with layoff dates within 90 days
  // of each other are one layoff for the thresholds (the statute does not define splitting; docs/legal-rules.md).
  AGGREGATION_WINDOW_DAYS: 90,
} as const;

/** The four statutory grounds of an economic layoff, 劳动合同法 第四十一条第一款 (一)–(四). */
export const LAYOFF_GROUNDS = [
  /** (一) 依照企业破产法规定进行重整的 */
  'BANKRUPTCY_REORGANISATION',
  /** (二) 生产经营发生严重困难的 */
  'SEVERE_DIFFICULTY',
  /** (三) 企业转产、重大技术革新或者经营方式调整，经变更劳动合同后，仍需裁减人员的 */
  'CONVERSION_OR_INNOVATION',
  /** (四) 其他因劳动合同订立时所依据的客观经济情况发生重大变化，致使劳动合同无法履行的 */
  'CHANGED_CIRCUMSTANCES',
] as const;
export type LayoffGround = (typeof LAYOFF_GROUNDS)[number];

/**
 * Does 劳动合同法 第四十一条 govern this layoff? Cutting 20 or more, or fewer than 20 but at least 10% of all staff.
 * Integer arithmetic (cut × 100 ≥ total × 10), so no rounding decides a boundary case.
 */
export function art41Applies(headcountCut: number, totalHeadcount: number): boolean {
  if (headcountCut >= LAYOFF_RULES.HEADCOUNT_THRESHOLD) return true;
  return headcountCut * 100 >= totalHeadcount * LAYOFF_RULES.SHARE_THRESHOLD_PERCENT;
}

/** An employer's layoff filing already on record, as the split rule reads it. */
export interface RecordedLayoff {
  id: string;
  headcountCut: number;
  totalHeadcount: number;
  layoffOn: string;
}

/** The Art 41 test of a new plan taken together with the employer's other cuts of the window. */
export interface Art41Assessment {
  applies: boolean;
  /** The plan's cut plus the cuts of the filings counted with it. */
  headcountCut: number;
  /** The largest staff any counted filing reported (the workforce before the cuts began). */
  totalHeadcount: number;
  /** Filings on record counted with the plan (layoff dates within the window of the plan's), by layoffOn then id. */
  countedFilingIds: string[];
}

/**
 * The Art 41 test of `plan` with the employer's `recorded` filings whose layoff date lies within
 * AGGREGATION_WINDOW_DAYS of the plan's (either side), so that a layoff split into filings below the thresholds is
 * judged by its total: the summed cut against the largest staff any of them reported, or the plan alone. With nothing
 * counted it is `art41Applies` of the plan alone.
 */
export function assessArt41(
  plan: { headcountCut: number; totalHeadcount: number; layoffOn: string },
  recorded: readonly RecordedLayoff[],
): Art41Assessment {
  const counted = recorded
    .filter((r) => Math.abs(daysBetween(r.layoffOn, plan.layoffOn)) <= LAYOFF_RULES.AGGREGATION_WINDOW_DAYS)
    .sort((a, b) => compareDates(a.layoffOn, b.layoffOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const headcountCut = counted.reduce((sum, r) => sum + r.headcountCut, plan.headcountCut);
  const totalHeadcount = counted.reduce((max, r) => Math.max(max, r.totalHeadcount), plan.totalHeadcount);
  return {
    // The plan alone still decides when it meets a threshold (a larger staff reported earlier never excuses it).
    applies:
      art41Applies(plan.headcountCut, plan.totalHeadcount) || art41Applies(headcountCut, totalHeadcount),
    headcountCut,
    totalHeadcount,
    countedFilingIds: counted.map((r) => r.id),
  };
}

/** The last day on which notice to the union or all staff is in time for a layoff on `layoffOn`. */
export function latestNoticeDate(layoffOn: string): string {
  return addDays(layoffOn, -LAYOFF_RULES.NOTICE_DAYS);
}

export interface LayoffPlan {
  headcountCut: number;
  totalHeadcount: number;
  /** The day the first contracts end under the plan. */
  layoffOn: string;
  /** The day the union or all staff were told (说明情况); null if not yet. */
  unionOrStaffNotifiedOn: string | null;
  grounds: readonly string[];
  consultationRecord: string | null;
}

/**
 * The field errors of a layoff plan reported on `today` (Asia/Shanghai); empty when it may be recorded.
 * Below the thresholds the plan is recorded without the Art 41 procedure (notice, grounds, consultation);
 * `art41` is the test with the employer's other cuts (`assessArt41`), the plan alone by default.
 */
export function layoffPlanErrors(
  plan: LayoffPlan,
  today: string,
  art41: Art41Assessment = assessArt41(plan, []),
): FieldError[] {
  const errors: FieldError[] = [];
  if (plan.headcountCut > plan.totalHeadcount)
    errors.push(
      fieldError(
        'headcountCut',
        'notAboveTotalHeadcount',
        'headcountCut 不能超过 totalHeadcount',
        'headcountCut must not exceed totalHeadcount',
      ),
    );
  // The report comes before the layoff (第四十一条: 方案经向劳动行政部门报告, 可以裁减人员).
  if (compareDates(plan.layoffOn, today) <= 0)
    errors.push(
      fieldError(
        'layoffOn',
        'inFuture',
        'layoffOn 须晚于今天：裁减人员须事先报告',
        'layoffOn must be after today: a layoff is reported in advance',
      ),
    );
  const notified = plan.unionOrStaffNotifiedOn;
  if (notified !== null) {
    if (compareDates(notified, today) > 0)
      errors.push(
        fieldError(
          'unionOrStaffNotifiedOn',
          'notInFuture',
          'unionOrStaffNotifiedOn 不能晚于今天',
          'unionOrStaffNotifiedOn must not be in the future',
        ),
      );
    else if (compareDates(notified, plan.layoffOn) >= 0)
      errors.push(
        fieldError(
          'unionOrStaffNotifiedOn',
          'beforeLayoffOn',
          'unionOrStaffNotifiedOn 须早于 layoffOn',
          'unionOrStaffNotifiedOn must be before layoffOn',
        ),
      );
  }
  if (errors.length || !art41.applies) return errors;
  // Why the procedure applies when the plan alone is under the thresholds: the cuts counted with it.
  const counted = art41.countedFilingIds.length;
  const whyZh = counted
    ? `（与本单位裁员日期相距 ${LAYOFF_RULES.AGGREGATION_WINDOW_DAYS} 日内的 ${counted} 份裁员备案合计裁减 ${art41.headcountCut} 人，职工总数 ${art41.totalHeadcount} 人）`
    : '';
  const whyEn = counted
    ? ` (with ${counted} earlier filing(s) of the employer whose layoff dates are within ${LAYOFF_RULES.AGGREGATION_WINDOW_DAYS} days: ${art41.headcountCut} of ${art41.totalHeadcount} staff cut)`
    : '';
  const facts = counted
    ? { combinedHeadcountCut: art41.headcountCut, countedFilingIds: art41.countedFilingIds }
    : undefined;
  if (notified === null)
    errors.push(
      fieldError(
        'unionOrStaffNotifiedOn',
        'isDefined',
        `适用劳动合同法第四十一条${whyZh}：须提前 ${LAYOFF_RULES.NOTICE_DAYS} 日向工会或者全体职工说明情况`,
        `劳动合同法 第四十一条 applies${whyEn}: the union or all staff must be told ${LAYOFF_RULES.NOTICE_DAYS} days in advance`,
        facts,
      ),
    );
  else if (daysBetween(notified, plan.layoffOn) < LAYOFF_RULES.NOTICE_DAYS)
    errors.push(
      fieldError(
        'unionOrStaffNotifiedOn',
        'noticeDays',
        `适用劳动合同法第四十一条${whyZh}：须在 layoffOn 前至少 ${LAYOFF_RULES.NOTICE_DAYS} 日说明情况（最迟 ${latestNoticeDate(plan.layoffOn)}）`,
        `劳动合同法 第四十一条 applies${whyEn}: notice must be given at least ${LAYOFF_RULES.NOTICE_DAYS} days before layoffOn (by ${latestNoticeDate(plan.layoffOn)})`,
        facts,
      ),
    );
  if (plan.grounds.length === 0)
    errors.push(
      fieldError(
        'grounds',
        'arrayNotEmpty',
        `适用劳动合同法第四十一条${whyZh}：须至少列明一项法定裁员事由`,
        `劳动合同法 第四十一条 applies${whyEn}: name at least one statutory ground`,
        facts,
      ),
    );
  if (!plan.consultationRecord?.trim())
    errors.push(
      fieldError(
        'consultationRecord',
        'isDefined',
        `适用劳动合同法第四十一条${whyZh}：须记录听取工会或者职工意见的情况`,
        `劳动合同法 第四十一条 applies${whyEn}: record the opinion of the union or the staff (听取意见)`,
        facts,
      ),
    );
  return errors;
}
