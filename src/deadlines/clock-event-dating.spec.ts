import fc from 'fast-check';
import { ROLES, type Role } from '../auth/roles';
import { type ClockEvent, ClockEventError, validateClockEvents } from '../calendar/deadline-engine';
import { addDays } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { DEADLINE_RULES } from '../deadline-rules';
import { calendar, extend, pause, restart, resume, run, stop } from '../../test/support/clock-events';
import { assertClockEventDating, clockEventDatingProblem, type DatedClock } from './clock-event-dating';

const { ARBITRATION_DECISION } = DEADLINE_RULES;
// Accepted 2025-03-03: 45 days → Thursday 2025-04-17 (arbitration-clock.e2e-spec.ts works it out by hand).
const award: DatedClock = { rule: ARBITRATION_DECISION, start: '2025-03-03', events: [] };
const problem = (role: Role, event: ClockEvent, today: string, clock = award) =>
  clockEventDatingProblem(role, clock, event, calendar, today);

describe('when a clock event entered by staff may be dated (clock-event-dating.ts)', () => {
  it('never after today, whoever enters it; today and any earlier day of a running clock are fine', () => {
    for (const role of ['ARBITRATOR', 'SUPERVISOR'] as const) {
      expect(problem(role, pause('2025-04-02'), '2025-04-01')).toEqual({ kind: 'FUTURE' });
      expect(problem(role, pause('2062-04-01'), '2025-04-01')).toEqual({ kind: 'FUTURE' });
      expect(problem(role, resume('2025-04-02'), '2025-04-01')).toEqual({ kind: 'FUTURE' });
      for (const date of ['2025-04-01', '2025-03-31', '2025-03-04'])
        expect(problem(role, pause(date), '2025-04-01')).toBeNull();
    }
  });

  it('on a clock breached today, staff may not enter what undoes the breach; a supervisor may (a correction)', () => {
    const today = '2025-05-01';
    expect(run(ARBITRATION_DECISION, award.start, [], today)).toMatchObject({
      due: '2025-04-17',
      state: 'BREACHED',
    });
    const undo = { kind: 'ENDS_BREACH', due: '2025-04-17' };
    // A pause on or before the last day, a restart (a fresh 45 days), an extension that reaches past today.
    for (const event of [
      pause('2025-04-16'),
      pause('2025-04-17'),
      restart('2025-04-10'),
      extend('2025-04-10', 15),
    ]) {
      expect(problem('ARBITRATOR', event, today)).toEqual(undo);
      expect(problem('SUPERVISOR', event, today)).toBeNull();
    }
    // Nothing that leaves the clock breached: a pause after the last day, an extension too short to reach today.
    expect(problem('ARBITRATOR', pause('2025-04-18'), today)).toBeNull();
    expect(problem('ARBITRATOR', extend('2025-04-10', 1), today)).toBeNull();
    // A restart today still undoes it: a lapsed period is restarted by a supervisor.
    expect(problem('ARBITRATOR', restart(today), today)).toEqual(undo);
    // The proceeding's own STOP of a lapsed clock leaves it breached (and the engine refuses any event after it).
    expect(problem('ARBITRATOR', stop('2025-04-30'), today)).toBeNull();
  });

  it('answers 400 notInFuture on `date`, 409 CLOCK_BREACHED with the due date', () => {
    const thrown = (event: ClockEvent, today: string): AppException => {
      try {
        assertClockEventDating({ role: 'ARBITRATOR', today }, award, event, calendar);
      } catch (e) {
        if (e instanceof AppException) return e;
      }
      throw new Error('expected an AppException');
    };
    const future = thrown(pause('2025-04-02'), '2025-04-01');
    expect([future.statusCode, future.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(future.details).toEqual([
      expect.objectContaining({ field: 'date', constraint: 'notInFuture', today: '2025-04-01' }),
    ]);
    const breached = thrown(pause('2025-04-16'), '2025-05-01');
    expect([breached.statusCode, breached.code, breached.details]).toEqual([
      409,
      'CLOCK_BREACHED',
      { ruleId: 'ARBITRATION_DECISION', due: '2025-04-17', date: '2025-04-16', event: 'PAUSE' },
    ]);
    expect(() =>
      assertClockEventDating(
        { role: 'ARBITRATOR', today: '2025-04-01' },
        award,
        pause('2025-03-31'),
        calendar,
      ),
    ).not.toThrow();
  });

  describe('properties, over the staff rules, start dates, a prior pause and any event the engine accepts', () => {
    const rules = Object.values(DEADLINE_RULES).filter(
      (r) => r.direction === 'AFTER' && r.holder !== 'PARTY',
    );
    type World = typeof world extends fc.Arbitrary<infer T> ? T : never;
    const world = fc.record({
      rule: fc.constantFrom(...rules),
      start: fc.integer({ min: 0, max: 500 }).map((n) => addDays('2025-01-01', n)),
      /** A pause `prior[0]` days after the start, resumed `prior[1]` days later (0: still paused), or none. */
      prior: fc.option(fc.tuple(fc.nat(40), fc.nat(20)), { nil: null }),
      kind: fc.constantFrom('PAUSE', 'RESTART', 'EXTEND'),
      gap: fc.nat(60),
      amount: fc.integer({ min: 1, max: 30 }),
      /** today − the event's date: negative when the event is dated in the future. */
      lag: fc.integer({ min: -5, max: 40 }),
      role: fc.constantFrom(...ROLES),
    });
    /** The clock, the event and today, or null when the engine would refuse the event anyway. */
    const build = (w: World) => {
      const events: ClockEvent[] = [];
      let last = w.start;
      if (w.prior) {
        events.push(pause((last = addDays(w.start, w.prior[0]))));
        if (w.prior[1] > 0) events.push(resume((last = addDays(last, w.prior[1]))));
      }
      const date = addDays(last, w.gap);
      const paused = events.length === 1;
      const event: ClockEvent =
        w.kind === 'RESTART'
          ? restart(date)
          : paused
            ? resume(date)
            : w.kind === 'EXTEND' && w.rule.maxExtension > 0
              ? extend(date, Math.min(w.amount, w.rule.maxExtension))
              : pause(date);
      try {
        validateClockEvents(w.rule, w.start, [...events, event], calendar);
      } catch (e) {
        if (e instanceof ClockEventError) return null;
        throw e;
      }
      return { clock: { rule: w.rule, start: w.start, events }, event, today: addDays(date, w.lag) };
    };

    it('FUTURE exactly when the event is dated after today', () => {
      fc.assert(
        fc.property(world, (w) => {
          const b = build(w);
          fc.pre(b !== null);
          const p = clockEventDatingProblem(w.role, b.clock, b.event, calendar, b.today);
          expect(p?.kind === 'FUTURE').toBe(b.event.date > b.today);
        }),
      );
    });

    it('an event up to today on a clock not breached today is never refused: backdating within the period is fine', () => {
      fc.assert(
        fc.property(world, (w) => {
          const b = build(w);
          fc.pre(b !== null && b.event.date <= b.today);
          const before = run(w.rule, w.start, b.clock.events, b.today);
          fc.pre(before.state !== 'BREACHED');
          expect(clockEventDatingProblem(w.role, b.clock, b.event, calendar, b.today)).toBeNull();
        }),
      );
    });

    it('what staff other than a supervisor may enter never ends a breach; a supervisor is never refused one', () => {
      fc.assert(
        fc.property(world, (w) => {
          const b = build(w);
          fc.pre(b !== null && b.event.date <= b.today);
          const p = clockEventDatingProblem(w.role, b.clock, b.event, calendar, b.today);
          const before = run(w.rule, w.start, b.clock.events, b.today).state;
          const after = run(w.rule, w.start, [...b.clock.events, b.event], b.today).state;
          if (w.role === 'SUPERVISOR') expect(p).toBeNull();
          else expect(p !== null).toBe(before === 'BREACHED' && after !== 'BREACHED');
        }),
      );
    });
  });
});
