import { validateSync } from 'class-validator';
import { IsLocalDate } from './decorators';

class Dated {
  @IsLocalDate()
  on: unknown;
}

const errorsFor = (on: unknown) => {
  const d = new Dated();
  d.on = on;
  return validateSync(d).map((e) => Object.values(e.constraints ?? {}).join());
};

describe('IsLocalDate', () => {
  it('accepts real YYYY-MM-DD dates, leap days included', () => {
    expect(errorsFor('2026-02-28')).toEqual([]);
    expect(errorsFor('2028-02-29')).toEqual([]);
  });

  it.each([
    ['2026-02-30'],
    ['2026-13-01'],
    ['2026/02/28'],
    ['2026-2-28'],
    ['2026-02-28T00:00:00Z'],
    [20260228],
    [null],
  ])('refuses %p with a message naming the field', (on) => {
    expect(errorsFor(on)).toEqual(['on must be a date YYYY-MM-DD']);
  });
});
