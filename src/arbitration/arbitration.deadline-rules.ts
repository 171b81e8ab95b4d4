import { addDays, addYears, assertIsoDate, compareDates, daysBetween } from '../calendar/local-date';
import type {
  DeadlineRule,
  DeadlineRuleSet,
  LimitationResult,
  LocalisedText,
} from '../calendar/deadline-rules';
import type { WorkingCalendar } from '../calendar/working-calendar';

/**
 * The statutory periods of labor-dispute arbitration, contributed to the deadline engine (assembled at
 * src/deadline-rules.ts; counting conventions in calendar/deadline-rules.ts), and the one-year limitation.
 * 劳动人事争议仲裁办案规则 (2017) 第八十条 — "三日""五日""十日" in the rules are working days, "十五日""四十五日"
 * calendar days. So acceptance, service, defence, defence service, tribunal notice, hearing notice and the
 * postponement request are WORKDAY rules; the 45-day award period and 15-day windows stay DAY rules.
 */
export type ArbitrationRuleId =
  | 'ARBITRATION_ACCEPTANCE'
  | 'ARBITRATION_CORRECTION'
  | 'ARBITRATION_SERVICE_TO_RESPONDENT'
  | 'ARBITRATION_DEFENCE'
  | 'ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT'
  | 'ARBITRATION_TRIBUNAL_NOTICE'
  | 'ARBITRATION_HEARING_NOTICE'
  | 'ARBITRATION_POSTPONEMENT_REQUEST'
  | 'ARBITRATION_RECUSAL_DECISION'
  | 'ARBITRATION_DECISION';

/** The parties' windows after an award (holder PARTY): shown on the case's clocks, never a staff duty. */
export type ArbitrationPartyWindowId = 'ARBITRATION_SUIT_WINDOW' | 'ARBITRATION_SET_ASIDE_WINDOW';

declare module '../calendar/deadline-rules' {
  interface DeadlineRuleIds {
    arbitration: ArbitrationRuleId;
    arbitrationPartyWindows: ArbitrationPartyWindowId;
  }
}

const ARBITRATION_LAW = '中华人民共和国劳动争议调解仲裁法 (2007)';
/** 劳动人事争议仲裁办案规则 (2017) 第八十条: 本规则规定的"三日""五日""十日"指工作日. */
const WORKING_DAYS_ART80 = '劳动人事争议仲裁办案规则 (2017, 人社部令第33号) 第八十条 (工作日)';

export const ARBITRATION_DEADLINE_RULES: Readonly<Record<ArbitrationRuleId, DeadlineRule>> = {
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
    // Five days, no 中止 entered by staff (第二十九条): a pause would silence the lateness notice that tells the worker
    // they may sue. Only a 补正 asked in time waits (PAUSE, ArbitrationCorrectionService) and is counted again
    // (RESTART) from the completed application (办案规则 第二十九条第四款); RESUME lifts a pause entered before this rule.
    staffEvents: ['RESTART', 'RESUME'],
  },
  // 补正: the applicant completes the application. The rules set no period (办案规则 第二十九条第四款 binds the
  // commission only): 10 working days is a platform rule, as the complaint's 补正; a late completion is still taken. The
  // period is the applicant's (holder PARTY): run out, it LAPSED — no staff duty, the acceptance period still waits.
  ARBITRATION_CORRECTION: {
    id: 'ARBITRATION_CORRECTION',
    name: { zh: '仲裁申请补正期限（平台规则）', en: 'Completing an arbitration application (platform rule)' },
    unit: 'WORKDAY',
    amount: 10,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: `劳动人事争议仲裁办案规则 (2017) 第二十九条第四款 (一次性告知需要补正的全部材料; period: platform rule); ${WORKING_DAYS_ART80}`,
    holder: 'PARTY',
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
    // The respondent's to use, not the commission's to meet: 被申请人未提交答辩书的，不影响仲裁程序的进行 (第三十条).
    holder: 'PARTY',
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
    // A party's to use (当事人有正当理由的，可以在开庭三日前请求延期开庭), not the commission's to meet.
    holder: 'PARTY',
  },
  // The commission decides a party's recusal application (回避申请) within 3 days of it — working days by 第八十条;
  // one clock per application (ArbitrationRecusalService), stopped by the decision.
  ARBITRATION_RECUSAL_DECISION: {
    id: 'ARBITRATION_RECUSAL_DECISION',
    name: { zh: '回避申请决定期限', en: 'Decision on a recusal application' },
    unit: 'WORKDAY',
    amount: 3,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: `${ARBITRATION_LAW} 第三十三条 (及时作出决定); 劳动人事争议仲裁办案规则 (2017) 第十一条 (回避程序: 三日内); ${WORKING_DAYS_ART80}`,
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
    citation: `${ARBITRATION_LAW} 第四十三条; 劳动人事争议仲裁办案规则 (2017) 第四十五条（期限的重新计算与中止：第四十六条）`,
  },
};

export const ARBITRATION_PARTY_WINDOWS: Readonly<Record<ArbitrationPartyWindowId, DeadlineRule>> = {
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
    outlivesCase: true,
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
    outlivesCase: true,
  },
};

/** What starts each period, in words people use (GET /api/v1/calendar/rules). */
const START_EVENTS: Readonly<Record<ArbitrationRuleId, LocalisedText>> = {
  ARBITRATION_ACCEPTANCE: {
    zh: '仲裁委员会收到仲裁申请之日（补正的，收到补正后的申请之日）',
    en: 'the arbitration application is received (completed, when a 补正 was asked)',
  },
  ARBITRATION_CORRECTION: {
    zh: '仲裁委员会告知申请人补正仲裁申请材料之日',
    en: 'the applicant is asked to complete the application',
  },
  ARBITRATION_SERVICE_TO_RESPONDENT: { zh: '仲裁委员会受理仲裁申请之日', en: 'the application is accepted' },
  ARBITRATION_DEFENCE: {
    zh: '被申请人收到仲裁申请书副本之日',
    en: 'the respondent receives the application',
  },
  ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT: {
    zh: '仲裁委员会收到答辩书之日',
    en: 'the commission receives the defence',
  },
  ARBITRATION_TRIBUNAL_NOTICE: { zh: '仲裁委员会受理仲裁申请之日', en: 'the application is accepted' },
  ARBITRATION_HEARING_NOTICE: {
    zh: '开庭日期（向前倒算：最迟送达开庭通知之日）',
    en: 'the hearing date (counted backwards: the last day to serve the notice)',
  },
  ARBITRATION_POSTPONEMENT_REQUEST: {
    zh: '开庭日期（向前倒算：最迟提出延期开庭申请之日）',
    en: 'the hearing date (counted backwards: the last day to ask for a postponement)',
  },
  ARBITRATION_RECUSAL_DECISION: {
    zh: '仲裁委员会收到回避申请之日',
    en: 'the commission receives the recusal application',
  },
  ARBITRATION_DECISION: { zh: '仲裁委员会受理仲裁申请之日', en: 'the application is accepted' },
};

const PARTY_WINDOW_START_EVENTS: Readonly<Record<ArbitrationPartyWindowId, LocalisedText>> = {
  ARBITRATION_SUIT_WINDOW: { zh: '当事人收到仲裁裁决书之日', en: 'the party is served the award' },
  ARBITRATION_SET_ASIDE_WINDOW: {
    zh: '用人单位收到终局裁决书之日',
    en: 'the employer is served the final award',
  },
};

export const ARBITRATION_RULE_SET: DeadlineRuleSet<ArbitrationRuleId> = {
  rules: ARBITRATION_DEADLINE_RULES,
  startEvents: START_EVENTS,
};

export const ARBITRATION_PARTY_WINDOW_SET: DeadlineRuleSet<ArbitrationPartyWindowId> = {
  rules: ARBITRATION_PARTY_WINDOWS,
  startEvents: PARTY_WINDOW_START_EVENTS,
};

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
  // One pass in date order, each event judged against the limit in force when it happens (第二十七条第二、三款): an
  // interruption inside the running year starts it anew (earlier suspensions no longer count); a cause of suspension
  // present while the year runs — also one already there on its first day — moves the limit by the days it lasts
  // within the year.
  for (const date of input.interruptedOn ?? []) assertIsoDate(date, 'interruptedOn');
  for (const [i, p] of (input.suspended ?? []).entries()) {
    assertIsoDate(p.from, `suspended[${i}].from`);
    assertIsoDate(p.to, `suspended[${i}].to`);
    if (compareDates(p.to, p.from) < 0) throw new RangeError(`suspended[${i}]: to must not be before from`);
  }
  /** An interruption (`to` null) or a suspension from `on` to `to`. */
  const events: { on: string; to: string | null }[] = [
    ...(input.interruptedOn ?? []).map((on) => ({ on, to: null })),
    ...(input.suspended ?? []).map((p) => ({ on: p.from, to: p.to })),
  ].sort((a, b) => compareDates(a.on, b.on));
  let start = from;
  let rawLimit = addYears(from, 1);
  for (const e of events) {
    if (e.to === null) {
      if (
        compareDates(e.on, start) > 0 &&
        compareDates(e.on, roll(rawLimit)) <= 0 &&
        compareDates(e.on, input.filedOn) <= 0
      ) {
        start = e.on;
        rawLimit = addYears(e.on, 1);
        basis = `${basis}; interrupted on ${e.on}, the year runs anew (调解仲裁法 第二十七条第二款)`;
      }
    } else if (compareDates(e.to, start) > 0 && compareDates(e.on, rawLimit) <= 0) {
      const since = compareDates(e.on, start) > 0 ? e.on : start;
      rawLimit = addDays(rawLimit, daysBetween(since, e.to));
      basis = `${basis}; suspended ${since}–${e.to}, then runs on (调解仲裁法 第二十七条第三款)`;
    }
  }
  const limitDate = roll(rawLimit);
  return { withinLimit: compareDates(input.filedOn, limitDate) <= 0, limitDate, basis, provisional };
}
