import type { EntityManager } from 'typeorm';
import { OpenWarningRiskLevels } from './employer-risk-levels';

/** An EntityManager answering the two queries of OpenWarningRiskLevels from canned rows. */
function fakeEm(tablePresent: boolean, warnings: { employerId: string; level: string }[]) {
  const calls: string[] = [];
  const em = {
    query: (sql: string) => {
      calls.push(sql);
      return Promise.resolve(sql.includes('to_regclass') ? [{ present: tablePresent }] : warnings);
    },
  } as unknown as EntityManager;
  return { em, calls };
}

describe('OpenWarningRiskLevels', () => {
  it('takes the highest open level of each employer', async () => {
    const { em } = fakeEm(true, [
      { employerId: 'a', level: 'YELLOW' },
      { employerId: 'a', level: 'RED' },
      { employerId: 'a', level: 'BLUE' },
      { employerId: 'b', level: 'ORANGE' },
      { employerId: 'c', level: 'PURPLE' },
    ]);
    const levels = await new OpenWarningRiskLevels().levelsOf(em, ['a', 'b', 'c', 'd']);
    expect([...levels.entries()].sort()).toEqual([
      ['a', 'RED'],
      ['b', 'ORANGE'],
    ]);
  });

  it('gives no levels when the risk_warnings table does not exist (and does not query it)', async () => {
    const { em, calls } = fakeEm(false, [{ employerId: 'a', level: 'RED' }]);
    expect((await new OpenWarningRiskLevels().levelsOf(em, ['a'])).size).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('asks nothing for no employers', async () => {
    const { em, calls } = fakeEm(true, []);
    expect((await new OpenWarningRiskLevels().levelsOf(em, [])).size).toBe(0);
    expect(calls).toHaveLength(0);
  });
});
