/**
 * What a statutory time limit is, as data, and how it is counted. The limits themselves belong to their proceedings
 * (`mediation.deadline-rules.ts`, `arbitration.deadline-rules.ts`, `inspection.deadline-rules.ts`,
 * `complaints.deadline-rules.ts`); the composition root (`src/deadline-rules.ts`) assembles them for the engine.
 * Counting conventions (applied by `deadline-engine.ts`):
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
 */
export type PeriodUnit = 'DAY' | 'WORKDAY';
export type PeriodDirection = 'AFTER' | 'BEFORE';

/** A text in both languages the platform answers in. */
export interface LocalisedText {
  zh: string;
  en: string;
}

/**
 * Every proceeding's statutory rule ids, by the table that holds them. calendar/ holds no rule: a proceeding declares
 * its rules in `x.deadline-rules.ts` and its ids here by declaration merging,
 *
 *     declare module '../calendar/deadline-rules' { interface DeadlineRuleIds { x: XRuleId } }
 *
 * so calendar/ and deadlines/ import no proceeding, yet `DeadlineRuleId` is the union of every declared id and a
 * wrong id fails tsc. The composition root (`src/deadline-rules.ts`) lists the same tables for the runtime.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface DeadlineRuleIds {}

/** The id of a statutory rule of any proceeding. */
export type DeadlineRuleId = DeadlineRuleIds[keyof DeadlineRuleIds];

export interface DeadlineRule {
  /** A statutory rule of a proceeding's table, or AD_HOC for a period asked for through the calendar API. */
  id: DeadlineRuleId | 'AD_HOC';
  name: LocalisedText;
  unit: PeriodUnit;
  amount: number;
  /** Total extension allowed, in the same unit; 0 when the law allows none. */
  maxExtension: number;
  rollForwardToWorkingDay: boolean;
  /** AFTER: the period runs from its start event. BEFORE: it ends `amount` days before an anchor date. */
  direction: PeriodDirection;
  citation: string;
  /**
   * PARTY: a window in which a party may act (to sue, to apply to set an award aside, to complete a complaint: 补正),
   * shown on the case's clocks but never a staff duty — not in due lists, work queues, reminders or KPIs
   * (`DeadlineRuleCatalogue.isStaffDuty`) — and, run out, LAPSED, never BREACHED (no one is late). Absent: a staff duty.
   */
  holder?: 'PARTY';
  /**
   * A party's window that opens when its proceeding ends (the award's service: to sue, to apply to set it aside) and
   * runs past the end. Absent: a party's window ends with its case (the respondent's answer period, 补正), stopped
   * by stopAll as CASE_CLOSED.
   */
  outlivesCase?: true;
  /**
   * The events staff may enter on the period through the deadlines API (中止, 恢复, 重新计算, 延长 within
   * `maxExtension`). Absent: every one. A period the statute gives no pause, or whose change has a procedure of its
   * own (the parties' agreement), lists fewer, so an account cannot hold it running past its end by a bare event.
   */
  staffEvents?: readonly StaffClockEvent[];
}

/** The clock events staff enter through the deadlines API (STOP is the proceeding's own). */
export type StaffClockEvent = 'PAUSE' | 'RESUME' | 'RESTART' | 'EXTEND';

/**
 * What a proceeding contributes to the engine: its rules keyed by id, and what starts each (the catalogue of
 * GET /api/v1/calendar/rules). Typed by the proceeding's ids, so a rule without its start event does not compile.
 */
export interface DeadlineRuleSet<Id extends string> {
  readonly rules: Readonly<Record<Id, DeadlineRule>>;
  readonly startEvents: Readonly<Record<Id, LocalisedText>>;
}

/** The answer of a proceeding's limitation helper (`arbitrationLimitation`, `inspectionLookback`). */
export interface LimitationResult {
  withinLimit: boolean;
  /** The last day on which the act is in time; null when no limit runs (yet). */
  limitDate: string | null;
  basis: string;
  /** True when the roll-forward consulted a year the calendar does not cover. */
  provisional: boolean;
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
