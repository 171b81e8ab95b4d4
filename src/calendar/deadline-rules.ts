import { addDays, addYears, assertIsoDate, compareDates, daysBetween } from './local-date';
import type { WorkingCalendar } from './working-calendar';

/**
 * The statutory time limits, as data. Counting conventions (applied by `deadline-engine.ts`):
 *
 * - DAY periods: the start day is not counted; if the last day is a public holiday or a weekend day that is not a
 *   make-up working day, the period ends on the next working day (`rollForwardToWorkingDay`).
 *   // 民事诉讼法 第八十五条 (numbering since 2021; 第八十二条 before), applied to arbitration periods through
 *   // 劳动人事争议仲裁办案规则 (2017) 第十九条 (仲裁期间: refers to the civil-procedure rules on counting periods)
 * - WORKDAY periods: only working days are counted, the start day is not; the last day is always a working day.
 *   // 劳动保障监察条例 第十七条 and 关于实施《劳动保障监察条例》若干规定 第十八条 count in 工作日
 * - direction BEFORE: the period runs backwards from an anchor (the hearing date); see `computeNoticeDeadline`.
 *   One reading of "N days before the hearing" for every such rule: at least N units lie strictly between the act
 *   (service of the notice, a postponement request) and the hearing day — neither day counts.
 * - Arbitration: 劳动人事争议仲裁办案规则 (2017) 第八十条 — "三日""五日""十日" in the rules are working days,
 *   "十五日""四十五日" calendar days. So acceptance, service, defence, defence service, tribunal notice, hearing notice
 *   and the postponement request are WORKDAY rules; the 45-day award period and 15-day windows stay DAY rules.
 */
export type PeriodUnit = 'DAY' | 'WORKDAY';
export type PeriodDirection = 'AFTER' | 'BEFORE';

export type DeadlineRuleId =
  | 'MEDIATION'
  | 'ARBITRATION_ACCEPTANCE'
  | 'ARBITRATION_SERVICE_TO_RESPONDENT'
  | 'ARBITRATION_DEFENCE'
  | 'ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT'
  | 'ARBITRATION_HEARING_NOTICE'
  | 'ARBITRATION_POSTPONEMENT_REQUEST'
  | 'ARBITRATION_DECISION'
  | 'ARBITRATION_TRIBUNAL_NOTICE'
  | 'INSPECTION_ACCEPTANCE'
  | 'INSPECTION_INVESTIGATION'
  | 'PENALTY_HEARING_REQUEST'
  | 'COMPLAINT_CORRECTION'
  | 'ARBITRATION_SUIT_WINDOW'
  | 'ARBITRATION_SET_ASIDE_WINDOW';

export interface DeadlineRule {
  /** A statutory rule of DEADLINE_RULES, or AD_HOC for a period asked for through the calendar API. */
  id: DeadlineRuleId | 'AD_HOC';
  name: { zh: string; en: string };
  unit: PeriodUnit;
  amount: number;
  /** Total extension allowed, in the same unit; 0 when the law allows none. */
  maxExtension: number;
  rollForwardToWorkingDay: boolean;
  /** AFTER: the period runs from its start event. BEFORE: it ends `amount` days before an anchor date. */
  direction: PeriodDirection;
  citation: string;
  /**
   * PARTY: a window in which a party may act (to sue, to apply to set an award aside), shown on the case's clocks but
   * never a staff duty — not in due lists, work queues, reminders or KPIs (`isStaffDuty`). Absent: a staff duty.
   */
  holder?: 'PARTY';
}

/** Whether a clock of the rule is the staff's to meet (due lists, reminders, at-risk); a party's window is not. */
export function isStaffDuty(ruleId: string): boolean {
  return DEADLINE_RULES[ruleId as DeadlineRuleId]?.holder !== 'PARTY';
}

const ARBITRATION_LAW = '中华人民共和国劳动争议调解仲裁法 (2007)';
/** 劳动人事争议仲裁办案规则 (2017) 第八十条: 本规则规定的"三日""五日""十日"指工作日. */
const WORKING_DAYS_ART80 = '劳动人事争议仲裁办案规则 (2017, 人社部令第33号) 第八十条 (工作日)';

export const DEADLINE_RULES: Readonly<Record<DeadlineRuleId, DeadlineRule>> = {
  // Mediation: no agreement within 15 days of the application's receipt → a party may apply for arbitration.
  // Extended only when both parties agree (企业劳动争议协商调解规定 第二十七条); the law sets no cap, the platform
  // allows one more period of 15 days (MEDIATION_MAX_EXTENSION_DAYS in mediation-period.rules.ts).
  MEDIATION: {
    id: 'MEDIATION',
    name: { zh: '调解期限', en: 'Mediation period' },
    unit: 'DAY',
    amount: 15,
    maxExtension: 15,
    rollForwardToWorkingDay: true,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第十四条第三款`,
  },
  // Decide on acceptance within 5 working days of receiving the application (办案规则 第三十条).
  ARBITRATION_ACCEPTANCE: {
    id: 'ARBITRATION_ACCEPTANCE',
    name: { zh: '仲裁受理审查期限', en: 'Arbitration acceptance decision' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第二十九条; ${WORKING_DAYS_ART80}`,
  },
  // Serve a copy of the application on the respondent within 5 working days of acceptance.
  ARBITRATION_SERVICE_TO_RESPONDENT: {
    id: 'ARBITRATION_SERVICE_TO_RESPONDENT',
    name: { zh: '仲裁申请书副本送达期限', en: 'Service of the application on the respondent' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第三十条; ${WORKING_DAYS_ART80}`,
  },
  // The respondent files a defence within 10 working days of receiving the copy (a defence on the 10th is in time).
  ARBITRATION_DEFENCE: {
    id: 'ARBITRATION_DEFENCE',
    name: { zh: '答辩期限', en: 'Defence period' },
    unit: 'WORKDAY',
    amount: 10,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第三十条; ${WORKING_DAYS_ART80}`,
  },
  // Serve a copy of the defence on the claimant within 5 working days of receiving it.
  ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT: {
    id: 'ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT',
    name: { zh: '答辩书副本送达期限', en: 'Service of the defence on the claimant' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第三十条; ${WORKING_DAYS_ART80}`,
  },
  // The tribunal's composition is notified in writing within 5 working days of accepting the application.
  ARBITRATION_TRIBUNAL_NOTICE: {
    id: 'ARBITRATION_TRIBUNAL_NOTICE',
    name: { zh: '仲裁庭组成通知期限', en: 'Notice of the tribunal composition' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第三十二条; ${WORKING_DAYS_ART80}`,
  },
  // Written notice of the hearing at least 5 working days before it: 5 working days strictly between service and
  // the hearing day (counted backwards).
  ARBITRATION_HEARING_NOTICE: {
    id: 'ARBITRATION_HEARING_NOTICE',
    name: { zh: '开庭通知期限', en: 'Notice of hearing' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'BEFORE',
    citation: `${ARBITRATION_LAW} 第三十五条; ${WORKING_DAYS_ART80}`,
  },
  // A party asks to postpone the hearing at least 3 working days before it: 3 working days strictly between the
  // request and the hearing day (the same reading as the notice).
  ARBITRATION_POSTPONEMENT_REQUEST: {
    id: 'ARBITRATION_POSTPONEMENT_REQUEST',
    name: { zh: '延期开庭申请期限', en: 'Request to postpone a hearing' },
    unit: 'WORKDAY',
    amount: 3,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'BEFORE',
    citation: `${ARBITRATION_LAW} 第三十五条第二款; ${WORKING_DAYS_ART80}`,
  },
  // Award within 45 days of acceptance; +15 days at most with the commission director's approval.
  ARBITRATION_DECISION: {
    id: 'ARBITRATION_DECISION',
    name: { zh: '仲裁审理期限', en: 'Arbitration award period' },
    unit: 'DAY',
    amount: 45,
    maxExtension: 15,
    rollForwardToWorkingDay: true,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第四十三条; 劳动人事争议仲裁办案规则 (2017) 第四十五条 (restarts and suspensions: 第四十六条)`,
  },
  // Accept a qualifying complaint within 5 working days of receipt (or refuse it in writing).
  INSPECTION_ACCEPTANCE: {
    id: 'INSPECTION_ACCEPTANCE',
    name: { zh: '投诉受理期限', en: 'Complaint acceptance' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: '关于实施《劳动保障监察条例》若干规定 (劳动和社会保障部令第25号, 2004) 第十八条',
  },
  // Investigation within 60 working days of opening the case; +30 working days with the head's approval.
  INSPECTION_INVESTIGATION: {
    id: 'INSPECTION_INVESTIGATION',
    name: { zh: '劳动保障监察调查期限', en: 'Labor-inspection investigation' },
    unit: 'WORKDAY',
    amount: 60,
    maxExtension: 30,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: '劳动保障监察条例 (国务院令第423号, 2004) 第十七条',
  },
  // The party asks for a hearing within 5 days of being told of the proposed penalty; "五日" there is working days.
  PENALTY_HEARING_REQUEST: {
    id: 'PENALTY_HEARING_REQUEST',
    name: { zh: '要求听证期限', en: 'Request for a penalty hearing' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation:
      '中华人民共和国行政处罚法 (2021) 第六十四条第（一）项; 第八十五条 (“五日”指工作日，不含法定节假日)',
  },
  // 补正: the complainant completes a complaint with no identifiable employer. The law sets no period: 10 working
  // days is a platform rule (see docs/legal-rules.md); a late completion is still taken.
  COMPLAINT_CORRECTION: {
    id: 'COMPLAINT_CORRECTION',
    name: { zh: '投诉补正期限（平台规则）', en: 'Completing a complaint (platform rule)' },
    unit: 'WORKDAY',
    amount: 10,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation:
      '关于实施《劳动保障监察条例》若干规定 第十八条第三款 (告知投诉人补正投诉材料; period: platform rule)',
  },
  // A party's window, not a staff duty: suit within 15 days of service of the award (终局裁决: the worker, 第四十八条;
  // 非终局裁决: either party, 第五十条). Counted like the other calendar-day periods.
  ARBITRATION_SUIT_WINDOW: {
    id: 'ARBITRATION_SUIT_WINDOW',
    name: { zh: '不服仲裁裁决起诉期限', en: 'Window to sue after the award' },
    unit: 'DAY',
    amount: 15,
    maxExtension: 0,
    rollForwardToWorkingDay: true,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第四十八条, 第五十条 (自收到仲裁裁决书之日起十五日内)`,
    holder: 'PARTY',
  },
  // A party's window: the employer may apply to the intermediate court to set a final award aside within 30 days.
  ARBITRATION_SET_ASIDE_WINDOW: {
    id: 'ARBITRATION_SET_ASIDE_WINDOW',
    name: { zh: '申请撤销终局裁决期限', en: 'Window to apply to set a final award aside' },
    unit: 'DAY',
    amount: 30,
    maxExtension: 0,
    rollForwardToWorkingDay: true,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第四十九条 (用人单位自收到仲裁裁决书之日起三十日内 … 向仲裁委员会所在地的中级人民法院申请撤销裁决)`,
    holder: 'PARTY',
  },
};

export interface LimitationResult {
  withinLimit: boolean;
  /** The last day on which the act is in time; null when no limit runs (yet). */
  limitDate: string | null;
  basis: string;
  /** True when the roll-forward consulted a year the calendar does not cover. */
  provisional: boolean;
}

export interface ArbitrationLimitationInput {
  /** The day the party knew or should have known of the infringement. */
  knewOn: string;
  /** The day the arbitration application was (or would be) filed. */
  filedOn: string;
  /** Wage-arrears (拖欠劳动报酬) claims arising during employment: give the employment's end, null if it lasts. */
  wageArrears?: { employmentEndedOn: string | null };
  /** Days the limitation was interrupted (a claim on the other party, a request to an authority, a promise to pay). */
  interruptedOn?: readonly string[];
  /**
   * Periods in which the party could not apply (不可抗力 or another 正当理由): the limitation is suspended from `from`
   * and runs on after `to`, the day the cause ended (调解仲裁法 第二十七条第三款).
   */
  suspended?: readonly { from: string; to: string }[];
}

/**
 * One-year limitation for labor-dispute arbitration.
 * // 调解仲裁法 第二十七条第一款: one year from when the party knew or should have known.
 * // 调解仲裁法 第二十七条第二款: interruption — the year runs anew from the interruption.
 * // 调解仲裁法 第二十七条第四款: wage arrears during employment are not limited while it lasts; one year from its end.
 * // 民法典 第二百零一条至第二百零三条: start day not counted; ends on the corresponding day; a last day that is a
 * //   legal holiday moves to the next working day (only when a calendar is given).
 * // 调解仲裁法 第二十七条第三款: suspension — a cause (force majeure, another good reason) that arises while the year
 * //   runs stops it; it runs on from the day the cause ended: the limit moves by the days from its start to its end.
 */
export function arbitrationLimitation(
  input: ArbitrationLimitationInput,
  calendar?: WorkingCalendar,
): LimitationResult {
  assertIsoDate(input.knewOn, 'knewOn');
  assertIsoDate(input.filedOn, 'filedOn');
  let from = input.knewOn;
  let basis = '调解仲裁法 第二十七条第一款 (one year from when the party knew or should have known)';
  if (input.wageArrears) {
    const ended = input.wageArrears.employmentEndedOn;
    if (ended !== null) assertIsoDate(ended, 'employmentEndedOn');
    if (ended === null || compareDates(ended, input.filedOn) >= 0) {
      return {
        withinLimit: true,
        limitDate: null,
        basis:
          '调解仲裁法 第二十七条第四款 (wage arrears during employment: not limited while employment lasts)',
        provisional: false,
      };
    }
    from = ended;
    basis = '调解仲裁法 第二十七条第四款 (wage arrears: one year from the end of employment)';
  }
  let provisional = false;
  const roll = (last: string): string => {
    if (!calendar) return last;
    const rolled = calendar.nextWorkingDayOnOrAfter(last);
    provisional ||= rolled.provisional;
    return rolled.date;
  };
  let rawLimit = addYears(from, 1);
  const interruptions = [...(input.interruptedOn ?? [])].sort();
  for (const date of interruptions) {
    assertIsoDate(date, 'interruptedOn');
    if (
      compareDates(date, from) > 0 &&
      compareDates(date, roll(rawLimit)) <= 0 &&
      compareDates(date, input.filedOn) <= 0
    ) {
      rawLimit = addYears(date, 1);
      basis = `${basis}; interrupted on ${date}, the year runs anew (调解仲裁法 第二十七条第二款)`;
    }
  }
  const suspensions = [...(input.suspended ?? [])].sort((a, b) => compareDates(a.from, b.from));
  for (const [i, p] of suspensions.entries()) {
    assertIsoDate(p.from, `suspended[${i}].from`);
    assertIsoDate(p.to, `suspended[${i}].to`);
    if (compareDates(p.to, p.from) < 0) throw new RangeError(`suspended[${i}]: to must not be before from`);
    if (compareDates(p.from, from) > 0 && compareDates(p.from, rawLimit) <= 0) {
      rawLimit = addDays(rawLimit, daysBetween(p.from, p.to));
      basis = `${basis}; suspended ${p.from}–${p.to}, then runs on (调解仲裁法 第二十七条第三款)`;
    }
  }
  const limitDate = roll(rawLimit);
  return { withinLimit: compareDates(input.filedOn, limitDate) <= 0, limitDate, basis, provisional };
}

/**
 * Two-year look-back for labor inspection: a violation neither discovered nor reported/complained of within 2 years
 * is no longer investigated; a continuing violation counts from its end. Pass null while it continues.
 * // 劳动保障监察条例 第二十条
 * The limit is the same calendar day two years later (民法典 第二百零二条); no roll-forward: this is a look-back
 * for the administration, not a period for a party to act (see the report on this choice).
 */
export function inspectionLookback(violationEndDate: string | null, receivedOn: string): LimitationResult {
  assertIsoDate(receivedOn, 'receivedOn');
  const basis =
    '劳动保障监察条例 第二十条 (two years from the violation, or from the end of a continuing one)';
  if (violationEndDate === null) return { withinLimit: true, limitDate: null, basis, provisional: false };
  assertIsoDate(violationEndDate, 'violationEndDate');
  const limitDate = addYears(violationEndDate, 2);
  return { withinLimit: compareDates(receivedOn, limitDate) <= 0, limitDate, basis, provisional: false };
}

/**
 * A bare period of `amount` units from a start date, with the same counting rules as the statutory ones:
 * calendar-day periods roll forward to a working day (民事诉讼法 第八十五条), working-day periods count working days.
 */
export function adHocRule(unit: PeriodUnit, amount: number): DeadlineRule {
  return {
    id: 'AD_HOC',
    name: { zh: '期间', en: 'Period' },
    unit,
    amount,
    maxExtension: 0,
    rollForwardToWorkingDay: unit === 'DAY',
    direction: 'AFTER',
    citation: unit === 'DAY' ? '中华人民共和国民事诉讼法 第八十五条' : '工作日计算',
  };
}
