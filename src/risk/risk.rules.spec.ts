import { highestLevels } from './risk.rules';

describe('highestLevels (the level an inspection draw weighs an employer by)', () => {
  it('takes the highest open level of each employer and ignores unknown levels', () => {
    const levels = highestLevels([
      { employerId: 'a', level: 'YELLOW' },
      { employerId: 'a', level: 'RED' },
      { employerId: 'a', level: 'BLUE' },
      { employerId: 'b', level: 'ORANGE' },
      { employerId: 'c', level: 'PURPLE' },
    ]);
    expect([...levels.entries()].sort()).toEqual([
      ['a', 'RED'],
      ['b', 'ORANGE'],
    ]);
  });

  it('gives no level for no rows', () => {
    expect(highestLevels([]).size).toBe(0);
  });
});
