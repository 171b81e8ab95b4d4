import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { coversJurisdiction, type Principal, type Role } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import {
  ClockEventError,
  computeDeadline,
  type ClockStopReason,
  validateClockEvents,
  type ClockEvent,
  type DeadlineResult,
} from '../calendar/deadline-engine';
import { DeadlineRuleCatalogue } from '../calendar/deadline-catalogue';
import type { DeadlineRuleId } from '../calendar/deadline-rules';
import { addDays, todayInShanghai } from '../calendar/local-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { assertKeepsClock, assertMayEnter, assertStaffPeriod } from './staff-clock-events';
import { assertClockEventDating } from './clock-event-dating';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesRepository, type ClockWithEvents } from './deadlines.repository';
import { toEvent } from './clock-event-rows';
import { CLOCK_EVENT_FIELDS, type ClockEventFieldNames } from './clock-event-fields';
export { DATED_ON_FIELDS } from './clock-event-fields';
import type { Clock } from './entities/clock.entity';
import type { WriteBatch } from '../database/writes';
import { mapRead, type RowsRead } from '../database/entity-rows';

export interface ClockView extends DeadlineResult {
  id: string;
  caseType: string;
  caseId: string;
  rule: {
    id: string;
    name: { zh: string; en: string };
    unit: string;
    amount: number;
    maxExtension: number;
    citation: string;
    /** PARTY: a party's window (to sue, to set aside, to complete a complaint), never a staff duty; STAFF otherwise. */
    holder: 'STAFF' | 'PARTY';
  };
  start: string;
  events: ClockEvent[];
}

/** A clock event entered through the deadlines API, as its owner receives it. */
export interface ClockChange {
  clockId: string;
  caseId: string;
  ruleId: string;
  event: ClockEvent;
}

/**
 * The module that owns the clocks of a case type (DeadlinesService.registerOwner): `lock` locks its case (before
 * the clock is locked, the order the owner's own writes take) and returns it, null when there is none; `changed`
 * gets that case after the event was appended, in the same transaction; `admit`, before it is appended, may refuse an
 * event its own procedure enters otherwise (throws an AppException).
 */
export interface ClockOwner<C = unknown> {
  lock(em: EntityManager, caseId: string): Promise<C | null>;
  admit?(c: C, clock: ClockView, event: ClockEvent): void;
  changed(em: EntityManager, c: C, change: ClockChange, actor: Principal): Promise<void>;
}

/** What a case's timeline records of a clock event entered through the deadlines API. */
export function clockEventData(change: ClockChange): Record<string, unknown> {
  const e = change.event;
  return {
    clockId: change.clockId,
    rule: change.ruleId,
    clockEvent: e.type,
    date: e.date,
    ...('amount' in e ? { amount: e.amount } : {}),
    ...('reason' in e ? { reason: e.reason } : {}),
  };
}

/** A ClockOwner that only records the event (clockEventData) on the locked case's timeline. */
export function recordingOwner<C>(
  lock: (em: EntityManager, caseId: string) => Promise<C | null>,
  record: (em: EntityManager, c: C, data: Record<string, unknown>, actor: Principal) => Promise<void>,
): ClockOwner<C> {
  return { lock, changed: (em, c, change, actor) => record(em, c, clockEventData(change), actor) };
}

/**
 * Statutory clocks of proceedings, stored as a start date and events; every answer is recomputed from them by the
 * pure deadline engine (never edited by hand).
 */
@Injectable()
export class DeadlinesService {
  /** The modules that own the clocks of a case type (registerOwner). */
  private readonly owners = new Map<string, ClockOwner>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: DeadlinesRepository,
    private readonly calendar: CalendarService,
    private readonly rules: DeadlineRuleCatalogue,
  ) {}

  /**
   * Registers the module that owns the clocks of `caseType`: a clock event entered through the deadlines API
   * reaches it in the same transaction (to record it on the case's timeline, to follow a due date the case keeps).
   */
  registerOwner<C>(caseType: string, owner: ClockOwner<C>): void {
    if (this.owners.has(caseType)) throw new Error(`clocks of ${caseType} already have an owner`);
    this.owners.set(caseType, owner);
  }

  /** Starts a clock inside the caller's transaction; with a batch, it is stored when the batch is sent. */
  async start(
    em: EntityManager,
    c: { caseType: string; caseId: string; ruleId: DeadlineRuleId; start: string; jurisdictionCode: string },
    batch?: WriteBatch,
  ): Promise<string> {
    const clock = {
      id: newId(),
      caseType: c.caseType,
      caseId: c.caseId,
      ruleId: c.ruleId,
      startDate: c.start,
      jurisdictionCode: c.jurisdictionCode,
    };
    if (batch) batch.add(this.repo.insertClockWrite(clock));
    else await this.repo.insertClock(em, clock);
    return clock.id;
  }

  /**
   * Appends an event to a clock inside the caller's transaction, after checking the whole event list with the
   * engine (order, RESUME without PAUSE, extension caps...): an inconsistent event is a 400 and nothing is stored.
   * `entered`: staff entered it through the API, so its date is checked too (clock-event-dating.ts: 400, 409).
   * `fields`: the request's own names for the event's fields (`event.amount` → `days`), so a 400 names what was sent.
   */
  async addEvent(
    em: EntityManager,
    clockId: string,
    event: ClockEvent,
    actor: Pick<Principal, 'userId'> | null,
    entered?: { role: Role; today: string },
    fields: ClockEventFieldNames = {},
  ): Promise<void> {
    const clock = await this.repo.lockClock(em, clockId);
    if (!clock) throw AppException.notFound('CLOCK_NOT_FOUND', 'No such clock');
    const existing = (await this.repo.eventsOf(em, [clockId])).map(toEvent);
    const [rule, cal] = [this.rules.rule(clock.ruleId), await this.calendar.calendar(em)];
    try {
      validateClockEvents(rule, clock.startDate, [...existing, event], cal);
    } catch (err) {
      if (err instanceof ClockEventError) {
        const field = err.field.replace(/^events\[\d+\]/, 'event');
        throw AppException.validation([fieldError(fields[field] ?? field, 'clockEvent', err.zh, err.detail)]);
      }
      throw err;
    }
    if (entered)
      assertClockEventDating(entered, { rule, start: clock.startDate, events: existing }, event, cal);
    await this.repo.appendEvent(em, clockId, existing.length + 1, {
      type: event.type,
      date: event.date,
      amount: event.type === 'EXTEND' ? event.amount : null,
      reason: ('reason' in event ? event.reason : null) ?? null,
      actorUserId: actor?.userId ?? null,
    });
  }

  /** The ids of the case's clocks of the rule that are not stopped (running or paused). */
  async unstopped(
    em: EntityManager,
    caseType: string,
    caseId: string,
    ruleId: DeadlineRuleId,
  ): Promise<string[]> {
    return (await this.repo.clocksOfCase(em, caseType, caseId))
      .filter((c) => !c.stoppedOn && c.ruleId === ruleId)
      .map((c) => c.id);
  }

  /** Stops the running clocks of one rule of a case (e.g. the tribunal notice once formed); `reason` as stopAll's. */
  async stopRule(
    em: EntityManager,
    caseType: string,
    caseId: string,
    ruleId: DeadlineRuleId,
    date: string,
    actor: Pick<Principal, 'userId'> | null,
    fields: ClockEventFieldNames = {},
    reason?: ClockStopReason,
  ): Promise<void> {
    const stop: ClockEvent = reason ? { type: 'STOP', date, reason } : { type: 'STOP', date };
    for (const id of await this.unstopped(em, caseType, caseId, ruleId))
      await this.addEvent(em, id, stop, actor, undefined, fields);
  }

  /**
   * Stops every running clock of a case. `reason`: it ended without the act the clocks time (withdrawn): ENDED, not
   * MET. A party's window in it (answer period, 补正) ends as CASE_CLOSED unless `reason` says more; one that outlives
   * the case (DeadlineRule.outlivesCase: to sue, to set aside) runs on. `fields`: addEvent's.
   */
  async stopAll(
    em: EntityManager,
    caseType: string,
    caseId: string,
    date: string,
    actor: Pick<Principal, 'userId'> | null,
    reason?: ClockStopReason,
    fields: ClockEventFieldNames = {},
  ): Promise<void> {
    for (const c of await this.repo.clocksOfCase(em, caseType, caseId)) {
      const stop = c.stoppedOn ? null : this.rules.closingStop(c.ruleId, date, reason);
      if (stop) await this.addEvent(em, c.id, stop, actor, undefined, fields);
    }
  }

  /** A clock the viewer may act on (its jurisdiction is in scope), else 404. */
  async visibleClock(em: EntityManager, viewer: Principal, clockId: string): Promise<Clock> {
    const clock = await this.repo.lockClock(em, clockId);
    if (!clock || !coversJurisdiction(viewer, clock.jurisdictionCode))
      throw AppException.notFound('CLOCK_NOT_FOUND', 'No such clock');
    return clock;
  }

  /** A clock event entered by staff (中止/恢复/重新计算/延长): who may, on which clocks (staff-clock-events.ts). */
  async recordEvent(viewer: Principal, clockId: string, event: ClockEvent): Promise<ClockView> {
    assertMayEnter(viewer, event);
    return this.tx.run(async (em) => {
      // The owner's case is locked before the clock: the order in which the owner's own writes take them.
      const found = await this.repo.findClock(em, clockId);
      const owner = found ? this.owners.get(found.caseType) : undefined;
      const owned =
        found && owner && coversJurisdiction(viewer, found.jurisdictionCode)
          ? await owner.lock(em, found.caseId)
          : null;
      const clock = await this.visibleClock(em, viewer, clockId);
      assertStaffPeriod(this.rules.rule(clock.ruleId), event);
      assertKeepsClock(viewer, clock.caseType);
      const [today, cal] = [todayInShanghai(), await this.calendar.calendar(em)];
      if (owner?.admit && owned !== null)
        owner.admit(owned, (await this.views(em, [clock], cal, today))[0], event);
      await this.addEvent(em, clock.id, event, viewer, { role: viewer.role, today }, CLOCK_EVENT_FIELDS);
      if (owner && owned !== null)
        await owner.changed(
          em,
          owned,
          { clockId: clock.id, caseId: clock.caseId, ruleId: clock.ruleId, event },
          viewer,
        );
      const [view] = await this.views(em, [clock], cal, today);
      return view;
    });
  }

  /** The clocks of a case; inside a transaction pass its `em` (reads then see its own writes). */
  async forCase(caseType: string, caseId: string, today: string, em: EntityManager): Promise<ClockView[]> {
    return (await this.forCaseRefs(em, [{ caseType, caseId }], today))[0];
  }

  /**
   * The clocks of several cases (a list page) and their events in one query, by case id; a case without clocks is
   * absent.
   */
  async forCases(
    em: EntityManager,
    caseType: string,
    caseIds: readonly string[],
    today = todayInShanghai(),
  ): Promise<Map<string, ClockView[]>> {
    const read = await this.repo.clocksOfCases(em, caseType, caseIds);
    const views = read.length ? this.viewsOf(read, await this.calendar.calendar(em), today) : [];
    const byCase = new Map<string, ClockView[]>();
    views.forEach((v) => byCase.set(v.caseId, [...(byCase.get(v.caseId) ?? []), v]));
    return byCase;
  }

  /** The clocks of cases of any types (a case file) and their events in one query, in the order of `cases`. */
  async forCaseRefs(
    em: EntityManager,
    cases: readonly { caseType: string; caseId: string }[],
    today = todayInShanghai(),
  ): Promise<ClockView[][]> {
    return this.viewsOfRefs(em, cases, today, await this.repo.clocksOfCaseRefs(em, cases));
  }

  /** The same read (of one case at least), to send with others (database/entity-rows.ts readTogether). */
  forCaseRefsRead(
    em: EntityManager,
    cases: readonly { caseType: string; caseId: string }[],
    today = todayInShanghai(),
  ): RowsRead<Clock, ClockView[][]> {
    return mapRead(this.repo.clocksOfCaseRefsRead(cases), (read) => this.viewsOfRefs(em, cases, today, read));
  }

  private async viewsOfRefs(
    em: EntityManager,
    cases: readonly { caseType: string; caseId: string }[],
    today: string,
    read: readonly ClockWithEvents[],
  ): Promise<ClockView[][]> {
    const views = read.length ? this.viewsOf(read, await this.calendar.calendar(em), today) : [];
    return cases.map((c) => views.filter((v) => v.caseType === c.caseType && v.caseId === c.caseId));
  }

  /** Running clocks of a case type and some rules, platform-wide, that are BREACHED on `today` (nightly sweeps). */
  async breached(
    caseType: string,
    ruleIds: readonly string[],
    today = todayInShanghai(),
  ): Promise<ClockView[]> {
    const em = this.tx.manager;
    const views = await this.views(
      em,
      await this.repo.runningClocksOf(em, caseType, ruleIds),
      await this.calendar.calendar(em),
      today,
    );
    return views.filter((v) => v.state === 'BREACHED');
  }

  /**
   * Running staff clocks in the caller's jurisdictions that breach within `within` units (or already have), soonest
   * first. A party's window (not a staff duty, DeadlineRuleCatalogue.isStaffDuty) is no one's duty: never listed.
   */
  async dueWithin(
    viewer: Principal,
    within: number,
    unit: 'DAY' | 'WORKDAY',
    today = todayInShanghai(),
  ): Promise<ClockView[]> {
    const em = this.tx.manager;
    const cal = await this.calendar.calendar(em);
    const scope = viewer.jurisdictions.filter((j) => /^\d{2,12}$/.test(j));
    const staff = (await this.repo.openClocks(em, scope)).filter((c) => this.rules.isStaffDuty(c.ruleId));
    const views = await this.views(em, staff, cal, today);
    const horizon = unit === 'WORKDAY' ? cal.addWorkingDays(today, within).date : addDays(today, within);
    return views
      .filter((v) => v.due !== null && v.due <= horizon && (v.state === 'RUNNING' || v.state === 'BREACHED'))
      .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : a.id.localeCompare(b.id)));
  }

  /**
   * Every running staff clock, computed for `today`, inside the caller's transaction (the reminder sweep). A party's
   * window is not a staff duty: no reminder.
   */
  async openClockViews(em: EntityManager, today: string): Promise<ClockView[]> {
    const staff = (await this.repo.allOpenClocks(em)).filter((c) => this.rules.isStaffDuty(c.ruleId));
    return this.views(em, staff, await this.calendar.calendar(em), today);
  }

  private async views(
    em: EntityManager,
    clocks: Clock[],
    cal: WorkingCalendar,
    today: string,
  ): Promise<ClockView[]> {
    const events = await this.repo.eventsOf(
      em,
      clocks.map((c) => c.id),
    );
    return this.viewsOf(
      clocks.map((clock) => ({ clock, events: events.filter((e) => e.clockId === clock.id) })),
      cal,
      today,
    );
  }

  private viewsOf(read: readonly ClockWithEvents[], cal: WorkingCalendar, today: string): ClockView[] {
    return read.map(({ clock: c, events }) => {
      const rule = this.rules.rule(c.ruleId);
      const evs = events.map(toEvent);
      return {
        id: c.id,
        caseType: c.caseType,
        caseId: c.caseId,
        rule: {
          id: rule.id,
          name: rule.name,
          unit: rule.unit,
          amount: rule.amount,
          maxExtension: rule.maxExtension,
          citation: rule.citation,
          holder: rule.holder ?? 'STAFF',
        },
        start: c.startDate,
        events: evs,
        ...computeDeadline(rule, c.startDate, evs, cal, today),
      };
    });
  }
}
