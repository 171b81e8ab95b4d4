/** The deadline engine's clock events: their validation, and properties over generated rules, start dates and events (the worked examples: deadline-engine.spec.ts). */
import fc from 'fast-check';
import { ClockEvent, ClockEventError, DeadlineResult, validateClockEvents } from './deadline-engine';
import { DEADLINE_RULES } from '../deadline-rules';
import type { DeadlineRule } from './deadline-rules';
import { addDays, daysBetween } from './local-date';
import {
  calendar,
  clockError,
  extend,
  pause,
  restart,
  resume,
  run,
  stop,
} from '../../test/support/clock-events';

const { ARBITRATION_DECISION } = DEADLINE_RULES;

describe('validateClockEvents', () => {
  const start = '2025-03-03';
  it.each<[string, ClockEvent[], string, RegExp]>([
    ['RESUME without PAUSE', [resume('2025-03-05')], 'events[0]', /RESUME without an open PAUSE/],
    [
      'PAUSE while paused',
      [pause('2025-03-05'), pause('2025-03-06')],
      'events[1]',
      /already paused since 2025-03-05/,
    ],
    [
      'an event before the start',
      [pause('2025-03-02')],
      'events[0].date',
      /before the clock's start \(2025-03-03\)/,
    ],
    [
      'events out of date order',
      [pause('2025-03-05'), resume('2025-03-09'), pause('2025-03-08')],
      'events[2].date',
      /before the clock's previous event \(RESUME of 2025-03-09\)/,
    ],
    [
      'an event after STOP',
      [stop('2025-03-05'), pause('2025-03-06')],
      'events[1]',
      /follow the clock's STOP of 2025-03-05/,
    ],
    ['an invalid date', [pause('2025-02-30')], 'events[0].date', /YYYY-MM-DD/],
    [
      'an unknown type',
      [{ type: 'SNOOZE', date: '2025-03-05' } as unknown as ClockEvent],
      'events[0].type',
      /one of/,
    ],
    [
      'a PAUSE without reason',
      [{ type: 'PAUSE', date: '2025-03-05', reason: ' ' }],
      'events[0].reason',
      /reason/,
    ],
    [
      'an EXTEND without approver',
      [{ ...extend('2025-03-05', 5), approver: '' } as ClockEvent],
      'events[0].approver',
      /approver/,
    ],
    ['an EXTEND of 0', [extend('2025-03-05', 0)], 'events[0].amount', /positive integer/],
    ['an EXTEND of 2.5', [extend('2025-03-05', 2.5)], 'events[0].amount', /positive integer/],
  ])('rejects %s', (_, events, field, message) => {
    const error = clockError(() => validateClockEvents(ARBITRATION_DECISION, start, events));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    // The texts reach a 400 under the request's own field (DeadlinesService.addEvent): an earlier event is named by
    // its type and date, never by its place in the clock's list.
    expect([error.detail, error.zh].filter((m) => m.includes('events['))).toEqual([]);
  });

  it('accepts a consistent history; the extension cap starts again after RESTART', () => {
    const events = [
      extend('2025-03-10', 15),
      pause('2025-03-20'),
      resume('2025-03-25'),
      restart('2025-04-01'),
      extend('2025-04-02', 15),
      pause('2025-04-02'),
      stop('2025-05-01'),
    ];
    expect(() => validateClockEvents(ARBITRATION_DECISION, start, events)).not.toThrow();
    expect(() => validateClockEvents(ARBITRATION_DECISION, '2025-3-3', [])).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const DAY_RULES = Object.values(DEADLINE_RULES).filter((r) => r.unit === 'DAY' && r.direction === 'AFTER');
const WORKDAY_RULES = Object.values(DEADLINE_RULES).filter(
  (r) => r.unit === 'WORKDAY' && r.direction === 'AFTER',
);
const FORWARD_RULES = [...DAY_RULES, ...WORKDAY_RULES];

/** Starts in 2025 and the first half of 2026 (covered years; long periods may run into provisional 2027). */
const startDate = fc.integer({ min: 0, max: 545 }).map((n) => addDays('2025-01-01', n));

interface Step {
  gap: number;
  pick: number;
  amount: number;
}
const steps = fc.array(
  fc.record({ gap: fc.nat(12), pick: fc.nat(9), amount: fc.integer({ min: 1, max: 40 }) }),
  {
    maxLength: 8,
  },
);

/** A structurally valid event history (extensions within the cap) built from random steps. */
function buildEvents(rule: DeadlineRule, start: string, list: Step[]): ClockEvent[] {
  const events: ClockEvent[] = [];
  let date = start;
  let paused = false;
  let extended = 0;
  for (const { gap, pick, amount } of list) {
    date = addDays(date, gap);
    if (pick === 0) {
      events.push(restart(date));
      paused = false;
      extended = 0;
    } else if (paused) {
      events.push(resume(date));
      paused = false;
    } else if (pick <= 3 && rule.maxExtension > extended) {
      const a = 1 + (amount % (rule.maxExtension - extended));
      events.push(extend(date, a));
      extended += a;
    } else {
      events.push(pause(date));
      paused = true;
    }
  }
  return events;
}

/** The result, or the ClockEventError (an EXTEND dated after the due date is only detectable with the calendar). */
function attempt(fn: () => DeadlineResult): DeadlineResult | ClockEventError {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ClockEventError) return e;
    throw e;
  }
}

function eventIndex(e: ClockEventError): number {
  return Number(/^events\[(\d+)\]/.exec(e.field)?.[1]);
}

describe('properties', () => {
  it('a calendar-day due date with roll-forward is always a working day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DAY_RULES), startDate, steps, fc.nat(120), (rule, start, list, t) => {
        const events = buildEvents(rule, start, list);
        const result = attempt(() => run(rule, start, events, addDays(start, t)));
        if (result instanceof ClockEventError || result.due === null) return;
        expect(calendar.isWorkingDay(result.due).working).toBe(true);
      }),
    );
  });

  it('pausing k days (from a day on or before the last counted day) moves the last counted day by exactly k', () => {
    // The precise statement: due = roll(start + amount + k). So when neither the original nor the delayed last
    // day needs roll-forward, the due date moves by exactly k days; without roll-forward it always does.
    fc.assert(
      fc.property(fc.constantFrom(...DAY_RULES), startDate, fc.nat(1000), fc.nat(60), (rule, start, x, k) => {
        const p = addDays(start, x % (rule.amount + 1));
        const events = [pause(p), resume(addDays(p, k))];
        const paused = run(rule, start, events, start);
        expect(paused.due).toBe(calendar.nextWorkingDayOnOrAfter(addDays(start, rule.amount + k)).date);
        expect(paused.pausedDays).toBe(k);
        const noRoll = { ...rule, rollForwardToWorkingDay: false };
        const base = run(noRoll, start, [], start).due as string;
        expect(run(noRoll, start, events, start).due).toBe(addDays(base, k));
      }),
    );
  });

  it('pausing a working-day clock excludes exactly the working days in (pause, resume]', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORKDAY_RULES),
        startDate,
        fc.nat(1000),
        fc.nat(40),
        (rule, start, x, k) => {
          const base = run(rule, start, [], start).due as string;
          const p = addDays(start, x % (daysBetween(start, base) + 1));
          const r = addDays(p, k);
          const excluded = calendar.countWorkingDays(p, r).count;
          const result = run(rule, start, [pause(p), resume(r)], start);
          // Paused before the last counted day: that many more working days. Paused on it: nothing was left, so
          // the clock ends on the resume day (or the next working day) — not inside the pause.
          const expected =
            p < base
              ? calendar.addWorkingDays(start, rule.amount + excluded).date
              : calendar.nextWorkingDayOnOrAfter(r).date;
          expect(result.due).toBe(expected);
          expect(result.pausedDays).toBe(excluded);
        },
      ),
    );
  });

  it('RESTART on r equals a fresh clock started on r', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORWARD_RULES),
        startDate,
        steps,
        fc.nat(30),
        steps,
        fc.nat(200),
        (rule, start, before, gap, after, t) => {
          const prefix = buildEvents(rule, start, before);
          const r = addDays(prefix.at(-1)?.date ?? start, gap);
          const suffix = buildEvents(rule, r, after);
          const today = addDays(start, t);
          const fresh = attempt(() => run(rule, r, suffix, today));
          const combined = attempt(() => run(rule, start, [...prefix, restart(r), ...suffix], today));
          if (combined instanceof ClockEventError) {
            // Either the history before the restart is at fault, or the same event as in the fresh clock.
            const i = eventIndex(combined);
            if (i > prefix.length)
              expect(fresh instanceof ClockEventError && eventIndex(fresh) + prefix.length + 1).toBe(i);
            return;
          }
          expect(fresh).not.toBeInstanceOf(ClockEventError);
          const { provisional: _a, ...a } = combined;
          const { provisional: _b, ...b } = fresh as DeadlineResult;
          expect(a).toEqual(b);
        },
      ),
    );
  });

  it('STOP on t is MET exactly when t is on or before the running due date, which it keeps (late: a party’s window LAPSED)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORWARD_RULES),
        startDate,
        steps,
        fc.nat(150),
        (rule, start, list, t) => {
          const events = buildEvents(rule, start, list);
          const last = events.at(-1);
          if (last?.type === 'PAUSE') events.push(resume(last.date));
          const running = attempt(() => run(rule, start, events, start));
          if (running instanceof ClockEventError) return;
          const s = addDays(events.at(-1)?.date ?? start, t);
          const stopped = run(rule, start, [...events, stop(s)], start);
          expect(stopped.due).toBe(running.due);
          const late = rule.holder === 'PARTY' ? 'LAPSED' : 'BREACHED';
          expect(stopped.state).toBe(s <= (running.due as string) ? 'MET' : late);
        },
      ),
    );
  });

  it('extensions beyond the cap throw at the first event that crosses it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORWARD_RULES),
        startDate,
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 5 }),
        (rule, start, amounts) => {
          const events = amounts.map((a) => extend(start, a));
          let total = 0;
          const crossing = amounts.findIndex((a) => (total += a) > rule.maxExtension);
          if (crossing === -1) {
            expect(() => validateClockEvents(rule, start, events)).not.toThrow();
            expect(run(rule, start, events, start).extendedBy).toBe(total);
          } else {
            const error = clockError(() => run(rule, start, events, start));
            const field = rule.maxExtension === 0 ? `events[${crossing}]` : `events[${crossing}].amount`;
            expect(error.field).toBe(field);
          }
        },
      ),
    );
  });

  it('RESUME without an open PAUSE throws, naming the event', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORWARD_RULES),
        startDate,
        steps,
        fc.nat(10),
        (rule, start, list, gap) => {
          const events = buildEvents(rule, start, list);
          const last = events.at(-1);
          if (last?.type === 'PAUSE') events.push(resume(last.date));
          events.push(resume(addDays(events.at(-1)?.date ?? start, gap)));
          const error = clockError(() => validateClockEvents(rule, start, events));
          expect(error.field).toBe(`events[${events.length - 1}]`);
          expect(error.message).toMatch(/RESUME without an open PAUSE/);
        },
      ),
    );
  });
});
