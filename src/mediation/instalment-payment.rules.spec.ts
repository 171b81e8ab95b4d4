import { defaultDisproved, paidOnErrors, remainingAfter } from './instalment-payment.rules';

describe('paidOnErrors', () => {
  it('takes a day from the agreement’s to today, inclusive; else the field', () => {
    expect(paidOnErrors('2026-12-01', '2026-12-01', '2026-12-07')).toEqual([]);
    expect(paidOnErrors('2026-12-07', '2026-12-01', '2026-12-07')).toEqual([]);
    for (const d of ['2026-11-30', '2026-12-08'])
      expect(paidOnErrors(d, '2026-12-01', '2026-12-07')).toEqual([
        expect.objectContaining({ field: 'paidOn', constraint: 'dateRange' }),
      ]);
  });
});

describe('defaultDisproved', () => {
  const first = { id: 'a', dueOn: '2026-12-06', status: 'OVERDUE', paidOn: null };
  const second = { id: 'b', dueOn: '2027-01-06', status: 'DUE', paidOn: null };

  it('a default marked by the sweep, the instalment paid on its due day and the rest not due: disproved', () => {
    expect(defaultDisproved('DEFAULTED', first, '2026-12-06', [first, second])).toBe(true);
    expect(defaultDisproved('DEFAULTED', first, '2026-12-01', [first, second])).toBe(true);
  });

  it('paid after the due day, or another instalment overdue or paid late, or no default: not', () => {
    expect(defaultDisproved('DEFAULTED', first, '2026-12-07', [first, second])).toBe(false);
    const overdue = { ...second, dueOn: '2026-12-05', status: 'OVERDUE' };
    expect(defaultDisproved('DEFAULTED', first, '2026-12-06', [first, overdue])).toBe(false);
    const paidLate = { ...second, dueOn: '2026-12-01', status: 'PAID', paidOn: '2026-12-03' };
    expect(defaultDisproved('DEFAULTED', first, '2026-12-06', [first, paidLate])).toBe(false);
    const paidOnTime = { ...paidLate, paidOn: '2026-12-01' };
    expect(defaultDisproved('DEFAULTED', first, '2026-12-06', [first, paidOnTime])).toBe(true);
    expect(defaultDisproved('PERFORMING', first, '2026-12-06', [first, second])).toBe(false);
  });
});

describe('remainingAfter', () => {
  it('sums the other unpaid instalments, in fen', () => {
    const all = [
      { id: 'a', status: 'PAID', amountFen: 1_000_000 },
      { id: 'b', status: 'OVERDUE', amountFen: 1_380_000 },
      { id: 'c', status: 'DUE', amountFen: 5 },
    ];
    expect(remainingAfter(all, 'b')).toBe(5);
    expect(remainingAfter(all, 'c')).toBe(1_380_000);
    expect(remainingAfter(all.slice(0, 2), 'b')).toBe(0);
  });
});
