import { answerTiming, type AnswerTiming } from '../calendar/answer-period';
import { addYears, assertIsoDate, compareDates } from '../calendar/local-date';
import type { ViolationKind } from './compliance.constants';

/**
 * 拖欠农民工工资失信联合惩戒对象名单 (保障农民工工资支付条例 第四十八条; 人社部令第45号《拖欠农民工工资失信联合惩戒对象
 * 名单管理暂行办法》): when a wage-arrears violation lists its employer, for how long, and when it may leave early.
 */
export const BLACKLIST_RULES = {
  // 人社部令第45号 第十一条: 列入失信联合惩戒名单的期限为3年，自作出列入决定之日起计算 (mohrss.gov.cn t20211229_431810)
  TERM_YEARS: 3,
  // 人社部令第45号 第十二条: 已改正，自改正之日起被列入满6个月，作出书面信用承诺，可申请提前移出 (bars: 第十三条)
  EARLY_REMOVAL_MONTHS: 6,
  // 人社部令第45号 第六条: 作出列入决定前告知当事人；当事人自收到告知之日起5个工作日内可以提出异议 (陈述、申辩)
  STATEMENT_WORKDAYS: 5,
} as const;

/** The facts of a violation that decide a listing (a row of employer_violations). */
export interface ListingFacts {
  kinds: readonly ViolationKind[];
  /** The arrears concern 农民工: the list is of employers in arrears to migrant workers (第五条). */
  migrantWorkers: boolean;
  orderRefused: boolean;
  meetsCrimeThreshold: boolean;
  massIncident: boolean;
}

export type ListingReason = 'CRIME_THRESHOLD' | 'MASS_INCIDENT';

export interface ListingCheck {
  eligible: boolean;
  /** The facts still missing, by name (the 409 lists them). */
  missing: string[];
  /** Why it lists, when eligible: one or both of the 第五条 cases. */
  reasons: ListingReason[];
}

/**
 * 人社部令第45号 第五条: 用人单位拖欠农民工工资, (一) 达到认定拒不支付劳动报酬罪数额标准 or (二) 引发群体性事件、极端事件
 * 造成严重不良社会影响, AND 经责令限期支付工资，逾期未支付 (the order to pay was refused) — the order is a precondition of
 * both cases. `meetsCrimeThreshold` is a recorded fact (computed by the inspection module), never computed here.
 */
export function listingCheck(f: ListingFacts): ListingCheck {
  const missing: string[] = [];
  if (!f.kinds.includes('WAGE_ARREARS')) missing.push('kinds:WAGE_ARREARS');
  if (!f.migrantWorkers) missing.push('migrantWorkers');
  if (!f.orderRefused) missing.push('orderRefused');
  if (!f.meetsCrimeThreshold && !f.massIncident) missing.push('meetsCrimeThreshold|massIncident');
  const reasons: ListingReason[] = [];
  if (f.meetsCrimeThreshold) reasons.push('CRIME_THRESHOLD');
  if (f.massIncident) reasons.push('MASS_INCIDENT');
  return { eligible: missing.length === 0, missing, reasons: missing.length === 0 ? reasons : [] };
}

/** The first day the listing is no longer in force: listed_on + 3 years (29 Feb → 28 Feb). */
export function expiresOn(listedOn: string): string {
  return addYears(listedOn, BLACKLIST_RULES.TERM_YEARS);
}

/** A listing is in force on `today` while today < expires_on. */
export function inForce(listing: { expiresOn: string }, today: string): boolean {
  return compareDates(today, listing.expiresOn) < 0;
}

/** The same day `n` months later, or the month's last day when it has no such day (民法典 第二百零二条). */
export function addMonths(d: string, n: number): string {
  assertIsoDate(d, 'date');
  const [y, m, day] = d.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export interface EarlyRemovalFacts {
  listedOn: string;
  /** The day the employer corrected the violation (paid the arrears). */
  correctedOn: string;
  /** The day the written 信用承诺 (not to default on wages again) was made; null when none. */
  commitmentOn: string | null;
  /** Wage-arrears findings to 农民工 on the employer found since the listing, the listed one aside (第十三条（一）). */
  repeatArrears: number;
  /**
   * 第十三条（二）, on the listed finding and those found since: LIABLE when a judgment is recorded, PROCEEDINGS when
   * transferred to the police without one (the platform records no end of the proceedings), else NONE.
   */
  criminal: CriminalStanding;
  today: string;
}

export type CriminalStanding = 'NONE' | 'PROCEEDINGS' | 'LIABLE';

/** 人社部令第45号 第十三条's bars to an early removal, by item: （一） REPEAT_ARREARS; （二） the two others. */
export type EarlyRemovalBar = 'REPEAT_ARREARS' | 'CRIMINAL_PROCEEDINGS' | 'CRIMINAL_LIABILITY';

export type EarlyRemovalRefusal =
  | { code: 'EARLY_REMOVAL_TOO_SOON'; message: string; eligibleFrom: string }
  | { code: 'CREDIT_COMMITMENT_MISSING'; message: string }
  | { code: 'EARLY_REMOVAL_BARRED'; message: string; grounds: EarlyRemovalBar[] };

/**
 * 人社部令第45号 第十二条: corrected, listed for 6 months counted from the correction (from the listing when corrected
 * before it), and a written credit commitment; then 第十三条: an employer meeting them is still not removed early when
 * （一）列入期限内再次发生拖欠农民工工资违法行为 or （二）因涉嫌拒不支付劳动报酬犯罪正在刑事诉讼期间或者已经被追究刑事责任.
 * The first refusal (the 第十二条 conditions before the 第十三条 bars, which come together), or null.
 */
export function earlyRemovalRefusal(f: EarlyRemovalFacts): EarlyRemovalRefusal | null {
  const from = compareDates(f.correctedOn, f.listedOn) > 0 ? f.correctedOn : f.listedOn;
  const eligibleFrom = addMonths(from, BLACKLIST_RULES.EARLY_REMOVAL_MONTHS);
  if (compareDates(f.today, eligibleFrom) < 0)
    return {
      code: 'EARLY_REMOVAL_TOO_SOON',
      message: 'Early removal needs 6 months of listing after the correction',
      eligibleFrom,
    };
  if (!f.commitmentOn)
    return { code: 'CREDIT_COMMITMENT_MISSING', message: 'Early removal needs a written credit commitment' };
  const grounds: EarlyRemovalBar[] = [];
  if (f.repeatArrears > 0) grounds.push('REPEAT_ARREARS');
  if (f.criminal === 'PROCEEDINGS') grounds.push('CRIMINAL_PROCEEDINGS');
  if (f.criminal === 'LIABLE') grounds.push('CRIMINAL_LIABILITY');
  return grounds.length
    ? { code: 'EARLY_REMOVAL_BARRED', message: 'The listing may not be removed early (第十三条)', grounds }
    : null;
}

/** The prior notice of a listing as the listing decision needs it. */
export interface ListingNotice {
  noticedOn: string;
  statementDueOn: string;
  statementOn: string | null;
}

/**
 * 人社部令第45号 第六条: 当事人自收到告知之日起5个工作日内可以提出异议 (陈述、申辩) — a statement is made in time
 * from the day the notice was served to the period's last day, both included (answerTiming); one received later is
 * recorded but LATE: it is not the statement the period protects (the listing neither waits for it nor must come
 * after it); one dated before the notice was served cannot answer it.
 */
export function statementTiming(
  period: { noticedOn: string; statementDueOn: string },
  receivedOn: string,
): AnswerTiming {
  return answerTiming({ servedOn: period.noticedOn, lastDay: period.statementDueOn }, receivedOn);
}

/**
 * The statement that counts for a listing: a recorded one (never before its notice) received by the period's last
 * day, else null — a LATE one (statementTiming) counts as none.
 */
export function timelyStatement(statementDueOn: string, statementOn: string | null): string | null {
  return statementOn !== null && compareDates(statementOn, statementDueOn) <= 0 ? statementOn : null;
}

export type NoticeRefusal =
  | { code: 'LISTING_NOTICE_REQUIRED'; message: string }
  | { code: 'STATEMENT_PERIOD_RUNNING'; message: string; statementDueOn: string }
  | { code: 'LISTING_BEFORE_STATEMENT'; message: string; statementOn: string };

/**
 * 人社部令第45号 第六条 (告知 and 异议/陈述申辩 before the 列入决定): a listing needs a prior written notice of the violation, and is
 * decided only once the employer's statement was received and considered, or the statement period passed without
 * one in time (a late statement, statementTiming, counts as none). The first refusal, or null.
 */
export function noticeRefusal(notice: ListingNotice | null, listedOn: string): NoticeRefusal | null {
  if (!notice)
    return { code: 'LISTING_NOTICE_REQUIRED', message: 'Notify the employer of the intended listing first' };
  const statementOn = timelyStatement(notice.statementDueOn, notice.statementOn);
  if (statementOn !== null)
    return compareDates(listedOn, statementOn) < 0
      ? {
          code: 'LISTING_BEFORE_STATEMENT',
          message: 'The listing cannot precede the statement it considers',
          statementOn,
        }
      : null;
  if (compareDates(listedOn, notice.statementDueOn) <= 0)
    return {
      code: 'STATEMENT_PERIOD_RUNNING',
      message: 'The employer may still make a statement',
      statementDueOn: notice.statementDueOn,
    };
  return null;
}
