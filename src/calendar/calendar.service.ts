import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppException, fieldError } from '../common/errors/app-exception';
import { inTransaction } from '../database/transaction';
import { CalendarRepository } from './calendar.repository';
import { compareDates, todayInShanghai, yearOf } from './local-date';
import { computeDeadline, computeNoticeDeadline } from './deadline-engine';
import { derivedRestDays, statutoryScheduleErrors } from './statutory-holidays';
import { DeadlineRuleCatalogue } from './deadline-catalogue';
import { adHocRule, type DeadlineRuleId, type PeriodUnit } from './deadline-rules';
import {
  chineseDaysYears,
  validateCalendarYear,
  WorkingCalendar,
  type CalendarYear,
  type Coverage,
} from './working-calendar';

/**
 * A module that keeps dates counted on the calendar (CalendarService.registerYearListener): called with the year an
 * ADMIN loaded, in the loading transaction, so what it writes (an outbox job recounting its stored dates) commits or
 * rolls back with the schedule. The calendar knows its listeners only by this type, never by import.
 */
export type CalendarYearListener = (em: EntityManager, year: number) => Promise<void>;

export interface CalendarYearView extends CalendarYear {
  coverage: Coverage;
  loadedAt: string | null;
}

const NO_SCHEDULE_SOURCE =
  'none loaded: Monday–Friday minus the fixed holidays of 全国年节及纪念日放假办法 (2024) 第二条, provisional';

/** Years an answer may touch soon: a year still uncovered there is worth a warning to admins. */
const WATCH_YEARS_AHEAD = 1;

/**
 * How long a read outside any transaction trusts the last check of the loaded years: a year another process loads
 * shows in views within this time. A write (inside a transaction) checks every time, so a stored date never uses a
 * superseded schedule.
 */
const READ_RECHECK_MS = 1_000;

/**
 * The working-day calendar as the platform uses it: years loaded by an ADMIN (calendar_years) over the
 * `chinese-days` package; a year neither covers is computed Monday–Friday minus the fixed statutory holidays
 * (全国年节及纪念日放假办法 (2024) 第二条) and every answer says provisional.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CalendarService.name);
  private readonly packageYears = chineseDaysYears();
  private cached?: { version: string; calendar: WorkingCalendar; checkedAt: number };
  /** Listeners by name (registerYearListener), called in registration order. */
  private readonly yearListeners = new Map<string, CalendarYearListener>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CalendarRepository,
    private readonly rules: DeadlineRuleCatalogue,
  ) {}

  /**
   * Registers a module that stores dates counted on the calendar (as clock owners register with deadlines): a year
   * loaded from now on reaches `listener` in the loading transaction.
   */
  registerYearListener(name: string, listener: CalendarYearListener): void {
    if (this.yearListeners.has(name)) throw new Error(`calendar year listener ${name} already registered`);
    this.yearListeners.set(name, listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const warning of (await this.status()).warnings) this.logger.warn(warning);
  }

  /**
   * The current calendar (rebuilt when any process loaded a year), read through `em`: inside a transaction its own
   * (a read on a second pooled connection while the transaction holds one starves the pool under load, found by
   * bench/), else the data source's manager. No default, so a caller in a transaction cannot forget it. Outside a
   * transaction, a check less than READ_RECHECK_MS old is trusted (one statement less for each case view, issue 17).
   */
  async calendar(em: EntityManager): Promise<WorkingCalendar> {
    const now = Date.now();
    if (!inTransaction(em) && this.cached && now - this.cached.checkedAt < READ_RECHECK_MS)
      return this.cached.calendar;
    const version = await this.repo.version(em);
    if (this.cached?.version === version) {
      this.cached.checkedAt = now;
      return this.cached.calendar;
    }
    const loaded = (await this.repo.all(em)).map((r) => ({
      year: r.year,
      holidays: r.holidays,
      makeupWorkdays: r.makeupWorkdays,
      source: r.source,
    }));
    const calendar = new WorkingCalendar(loaded, this.packageYears);
    this.cached = { version, calendar, checkedAt: now };
    return calendar;
  }

  /** The due date of `amount` days or working days after `from` (the start day not counted), read through `em`. */
  async deadline(
    from: string,
    amount: number,
    unit: PeriodUnit,
    em: EntityManager,
  ): Promise<{ due: string; provisional: boolean }> {
    const r = computeDeadline(adHocRule(unit, amount), from, [], await this.calendar(em), from);
    return { due: r.due!, provisional: r.provisional };
  }

  /** `deadline` for a request outside any transaction (the calendar API). */
  adHocDeadline(
    from: string,
    amount: number,
    unit: PeriodUnit,
  ): Promise<{ due: string; provisional: boolean }> {
    return this.deadline(from, amount, unit, this.dataSource.manager);
  }

  /**
   * The due date of a statutory rule from `from`, with the engine the cases use: a forward rule counts from `from`
   * (no events); a backward rule (the hearing notice) answers the last day to act before the anchor `from`.
   */
  async ruleDeadline(
    ruleId: DeadlineRuleId,
    from: string,
  ): Promise<{
    rule: DeadlineRuleId;
    from: string;
    due: string;
    unit: PeriodUnit;
    amount: number;
    provisional: boolean;
    basis: string;
  }> {
    const rule = this.rules.rule(ruleId);
    const calendar = await this.calendar(this.dataSource.manager);
    // Periods counted backwards (hearing notice, postponement request) are in working days since 办案规则 第八十条.
    const r =
      rule.direction === 'BEFORE'
        ? computeNoticeDeadline(rule, from, null, from, calendar)
        : computeDeadline(rule, from, [], calendar, from);
    return {
      rule: ruleId,
      from,
      due: r.due!,
      unit: rule.unit,
      amount: rule.amount,
      provisional: r.provisional,
      basis: rule.citation,
    };
  }

  async workdays(from: string, to: string): Promise<{ count: number; provisional: boolean }> {
    if (compareDates(to, from) < 0)
      throw AppException.validation([
        fieldError('to', 'notBeforeFrom', 'to 不能早于 from', 'to must not be before from'),
      ]);
    return (await this.calendar(this.dataSource.manager)).countWorkingDays(from, to);
  }

  async getYear(year: number): Promise<CalendarYearView> {
    const row = await this.repo.one(this.dataSource.manager, year);
    if (row)
      return {
        year,
        holidays: row.holidays,
        makeupWorkdays: row.makeupWorkdays,
        source: row.source,
        coverage: 'LOADED',
        loadedAt: row.loadedAt.toISOString(),
      };
    const pkg = this.packageYears.find((y) => y.year === year);
    if (pkg) return { ...pkg, coverage: 'PACKAGE', loadedAt: null };
    return {
      year,
      holidays: [...derivedRestDays(year)].sort(),
      makeupWorkdays: [],
      source: NO_SCHEDULE_SOURCE,
      coverage: 'NONE',
      loadedAt: null,
    };
  }

  /**
   * Loads the official schedule of a year; a contradictory list is refused whole (nothing stored). The modules that
   * store dates counted on the calendar hear of the year in the same transaction (registerYearListener), so a stored
   * due date is recounted with the schedule that moved its clock.
   */
  async putYear(adminId: string, input: CalendarYear): Promise<CalendarYearView> {
    const result = validateCalendarYear(input);
    if (!result.ok) throw AppException.validation(result.errors);
    const y = result.value;
    // 全国年节及纪念日放假办法 (2024) 第二条: a schedule that works a fixed holiday would recount every deadline wrongly.
    const statutory = statutoryScheduleErrors(y);
    if (statutory.length > 0) throw AppException.validation(statutory);
    await this.dataSource.transaction(async (em) => {
      await this.repo.upsert(em, {
        year: y.year,
        holidays: [...y.holidays].sort(),
        makeupWorkdays: [...y.makeupWorkdays].sort(),
        source: y.source,
        loadedBy: adminId,
      });
      for (const listener of this.yearListeners.values()) await listener(em, y.year);
    });
    this.cached = undefined;
    this.logger.log(
      `calendar year ${y.year} loaded (${y.holidays.length} holidays, ${y.makeupWorkdays.length} make-up working days) from "${y.source}"`,
    );
    return this.getYear(y.year);
  }

  /** Which years around today are not covered (answers touching them are provisional). */
  async status(today = todayInShanghai()): Promise<{
    today: string;
    years: { year: number; coverage: Coverage; source: string | null }[];
    warnings: string[];
  }> {
    const cal = await this.calendar(this.dataSource.manager);
    const current = yearOf(today);
    const years = [];
    for (let y = current - 1; y <= current + WATCH_YEARS_AHEAD; y++)
      years.push({ year: y, coverage: cal.coverage(y), source: cal.sourceOf(y) });
    const warnings = years
      .filter((y) => y.coverage === 'NONE')
      .map(
        (y) =>
          `the working-day schedule of ${y.year} is not loaded: dates in ${y.year} use the Monday–Friday rule minus the fixed statutory holidays and are provisional until an ADMIN loads the State Council notice (PUT /api/v1/calendar/years/${y.year})`,
      );
    return { today, years, warnings };
  }
}
