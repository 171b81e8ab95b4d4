import { arbitrationLimitation } from './arbitration.deadline-rules';
import { limitationFactsErrors } from './limitation-facts.rules';

const fields = (facts: Parameters<typeof limitationFactsErrors>[0], on = '2026-12-07') =>
  limitationFactsErrors(facts, on).map((e) => `${e.field}:${e.constraint}`);

describe('limitation facts (调解仲裁法 第二十七条)', () => {
  it('every fact happened by the application day', () => {
    expect(fields({ knewOn: '2030-01-01', interruptedOn: ['2029-01-01'] })).toEqual([
      'limitation.knewOn:notInFuture',
      'limitation.interruptedOn.0:notInFuture',
    ]);
    expect(fields({ knewOn: '2026-01-01', wageArrears: true, employmentEndedOn: '2026-12-08' })).toEqual([
      'limitation.employmentEndedOn:notInFuture',
    ]);
    expect(
      fields({ knewOn: '2026-01-01', suspended: [{ from: '2026-12-08', to: '2026-12-09', reason: 'x' }] }),
    ).toEqual(['limitation.suspended.0.from:notInFuture', 'limitation.suspended.0.to:notInFuture']);
    expect(fields({ knewOn: '2026-12-07', interruptedOn: ['2026-12-07'] })).toEqual([]);
  });

  it('an interruption not before knewOn, a suspension not ending before it began: the engine never throws on what passes', () => {
    expect(fields({ knewOn: '2026-06-01', interruptedOn: ['2026-05-31'] })).toEqual([
      'limitation.interruptedOn.0:notBeforeKnewOn',
    ]);
    const backwards = {
      knewOn: '2026-06-01',
      suspended: [{ from: '2026-07-10', to: '2026-07-05', reason: 'x' }],
    };
    expect(fields(backwards)).toEqual(['limitation.suspended.0.to:notBeforeFrom']);
    expect(() => arbitrationLimitation({ ...backwards, filedOn: '2026-12-07' })).toThrow(RangeError);
    const ok = { knewOn: '2026-06-01', suspended: [{ from: '2026-07-05', to: '2026-07-05', reason: 'x' }] };
    expect(fields(ok)).toEqual([]);
    expect(arbitrationLimitation({ ...ok, filedOn: '2026-12-07' }).withinLimit).toBe(true);
  });
});
