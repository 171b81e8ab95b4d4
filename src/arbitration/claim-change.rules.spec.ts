import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import {
  answerPeriodsProblem,
  hearingDefenceProblem,
  defencePeriodOf,
  hearingsWithinAnswerPeriods,
  type DefenceClock,
} from './arbitration-hearing.rules';
import {
  changeAnswerPeriod,
  claimAmendmentErrors,
  claimChangeDateErrors,
  decidedAmendments,
} from './claim-change.rules';

const answered = (start: string, due: string): DefenceClock => ({
  start,
  due,
  events: [{ type: 'STOP', date: start }],
});
const running = (start: string, due: string | null): DefenceClock => ({ start, due, events: [] });

describe('changeAnswerPeriod (办案规则 第四十四条)', () => {
  it('waived: none; application not served yet: goes with it; else a new period', () => {
    expect(changeAnswerPeriod(true, true)).toBe('WAIVED');
    expect(changeAnswerPeriod(true, false)).toBe('WAIVED');
    expect(changeAnswerPeriod(false, false)).toBe('WITH_APPLICATION');
    expect(changeAnswerPeriod(false, true)).toBe('NEW_PERIOD');
  });
});

describe('claimChangeDateErrors', () => {
  const base = { acceptedOn: '2026-12-07', caseAcceptedOn: '2026-11-20', today: '2026-12-07' };
  const fields = (d: Parameters<typeof claimChangeDateErrors>[0]) =>
    claimChangeDateErrors(d).map((e) => `${e.field}:${e.constraint}`);

  it('accepts today and the case’s acceptance day; servedOn defaults to acceptedOn', () => {
    expect(fields(base)).toEqual([]);
    expect(fields({ ...base, acceptedOn: '2026-11-20' })).toEqual([]);
    expect(fields({ ...base, acceptedOn: '2026-12-01', servedOn: '2026-12-03' })).toEqual([]);
  });

  it('refuses a future day, a day before the case was accepted, a service before the change or in the future', () => {
    expect(fields({ ...base, acceptedOn: '2026-12-08' })).toEqual(['acceptedOn:notInFuture']);
    expect(fields({ ...base, acceptedOn: '2026-11-19' })).toEqual(['acceptedOn:notBeforeCaseAccepted']);
    expect(fields({ ...base, servedOn: '2026-12-06' })).toEqual(['servedOn:notBeforeAccepted']);
    expect(fields({ ...base, servedOn: '2026-12-08' })).toEqual(['servedOn:notInFuture']);
  });

  it('property: no error exactly when caseAcceptedOn ≤ acceptedOn ≤ servedOn ≤ today', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: -30, max: 30 }),
        (a, s, c) => {
          const today = '2026-12-07';
          const d = {
            acceptedOn: addDays(today, a),
            servedOn: addDays(today, s),
            caseAcceptedOn: addDays(today, c),
            today,
          };
          const ok = d.caseAcceptedOn <= d.acceptedOn && d.acceptedOn <= d.servedOn && d.servedOn <= today;
          expect(claimChangeDateErrors(d).length === 0).toBe(ok);
        },
      ),
    );
  });
});

describe('answerPeriodsProblem: every answer period, the application’s and each change’s', () => {
  it('no clock: not served; the application answered and the change’s period running: refused until its last day', () => {
    expect(answerPeriodsProblem([], '2027-06-01')).toMatchObject({ problem: 'HEARING_BEFORE_SERVICE' });
    const clocks = [answered('2026-12-01', '2026-12-15'), running('2026-12-07', '2026-12-21')];
    expect(answerPeriodsProblem(clocks, '2026-12-21')).toEqual({
      problem: 'HEARING_BEFORE_ANSWER_PERIOD',
      period: { state: 'SERVED', servedOn: '2026-12-07', lastDay: '2026-12-21' },
    });
    expect(answerPeriodsProblem(clocks, '2026-12-22')).toBeNull();
    expect(answerPeriodsProblem([clocks[0], answered('2026-12-07', '2026-12-21')], '2026-12-10')).toBeNull();
  });

  it('names the period that ends last (a paused one last of all)', () => {
    const a = running('2026-12-01', '2026-12-15');
    const b = running('2026-12-07', '2026-12-21');
    expect(answerPeriodsProblem([b, a], '2026-12-10')?.period).toMatchObject({ lastDay: '2026-12-21' });
    expect(answerPeriodsProblem([a, running('2026-12-03', null), b], '2026-12-10')?.period).toMatchObject({
      lastDay: null,
    });
  });

  it('property: one clock decides as before; with several, null exactly when each period passes', () => {
    const clock = fc.record({
      start: fc.integer({ min: 0, max: 20 }),
      len: fc.integer({ min: 0, max: 20 }),
      stopped: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(clock, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: -5, max: 50 }),
        (ks, d) => {
          const day = addDays('2026-12-01', d);
          const clocks = ks.map((k) => {
            const start = addDays('2026-12-01', k.start);
            const due = addDays(start, k.len);
            return k.stopped ? answered(start, due) : running(start, due);
          });
          const each = clocks.map((k) => hearingDefenceProblem(defencePeriodOf(k), day));
          expect(answerPeriodsProblem(clocks, day) === null).toBe(each.every((p) => p === null));
          if (clocks.length === 1) expect(answerPeriodsProblem(clocks, day)?.problem ?? null).toBe(each[0]);
        },
      ),
    );
  });
});

describe('hearingsWithinAnswerPeriods: hearings booked before a change started a new answer period', () => {
  const h = (id: string, startsAt: string, extra = {}) => ({
    id,
    startsAt: new Date(startsAt),
    postponedAt: null,
    cancelledAt: null,
    heldAt: null,
    ...extra,
  });
  it('flags the open hearings from the period’s start to its last day; not later or earlier ones, nor postponed or held ones', () => {
    const clocks = [answered('2026-12-01', '2026-12-15'), running('2026-12-07', '2026-12-21')];
    const hearings = [
      h('inside', '2026-12-21T09:00:00+08:00'),
      h('after', '2026-12-22T09:00:00+08:00'),
      h('postponed', '2026-12-18T09:00:00+08:00', { postponedAt: new Date() }),
      h('held', '2026-12-18T09:00:00+08:00', { heldAt: new Date() }),
      h('before the change was served', '2026-12-04T09:00:00+08:00'),
    ];
    expect(hearingsWithinAnswerPeriods(hearings, clocks)).toEqual(['inside']);
    expect(hearingsWithinAnswerPeriods(hearings, [])).toEqual([]);
  });
});

describe('claimAmendmentErrors / decidedAmendments', () => {
  const claims = [
    { id: 'a', seq: 1, final: null },
    { id: 'b', seq: 2, final: true },
    { id: 'c', seq: 3, final: null },
  ];
  const codes = (changed: Parameters<typeof claimAmendmentErrors>[1]) =>
    claimAmendmentErrors(claims, changed).map((e) => `${e.field}:${e.constraint}`);

  it('names a claim not of the case, a claim named twice, and a change of nothing, by their dotted paths', () => {
    expect(
      codes([
        { claimId: 'a', amountFen: 1 },
        { claimId: 'c', description: '支付工资' },
      ]),
    ).toEqual([]);
    expect(
      codes([
        { claimId: 'x', amountFen: 1 },
        { claimId: 'a', amountFen: 1 },
        { claimId: 'a', amountFen: 2 },
        { claimId: 'c' },
      ]),
    ).toEqual([
      'changedClaims.0.claimId:claimOfCase',
      'changedClaims.2.claimId:once',
      'changedClaims.3:changesSomething',
    ]);
  });

  it('a claim decided by a 先行裁决 is named by its number (409, not an input error)', () => {
    expect(decidedAmendments(claims, [{ claimId: 'a', amountFen: 1 }])).toEqual([]);
    expect(
      decidedAmendments(claims, [
        { claimId: 'b', amountFen: 1 },
        { claimId: 'c', amountFen: 1 },
      ]),
    ).toEqual([2]);
    expect(claimAmendmentErrors(claims, [{ claimId: 'b', amountFen: 1 }])).toEqual([]);
  });
});
