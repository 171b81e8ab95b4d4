import { getMetadataArgsStorage } from 'typeorm';
import { ARBITRATION_STATUSES, type ArbitrationStatus } from './arbitration.constants';
import { ARBITRATION_OPEN_STATUSES, ARBITRATION_TRANSITIONS } from './arbitration.state';
import { ArbitrationCase } from './entities/arbitration-case.entity';

type Table = Readonly<Record<ArbitrationStatus, Readonly<Partial<Record<string, ArbitrationStatus>>>>>;

/** The statuses the machine can still move a case out of (a loop such as SERVE_AWARD on CLOSED keeps it where it is). */
function nonTerminal(table: Table): ArbitrationStatus[] {
  return ARBITRATION_STATUSES.filter((s) => Object.values(table[s]).some((to) => to !== s));
}

const open = (s: ArbitrationStatus) => (ARBITRATION_OPEN_STATUSES as readonly string[]).includes(s);

describe('ARBITRATION_OPEN_STATUSES: the open statuses are the state machine’s non-terminal ones', () => {
  it('a case is open exactly in the statuses the machine can still leave (CLOSED and NOT_ACCEPTED are over)', () => {
    expect([...ARBITRATION_OPEN_STATUSES].sort()).toEqual(nonTerminal(ARBITRATION_TRANSITIONS).sort());
    expect(ARBITRATION_STATUSES.filter((s) => !open(s)).sort()).toEqual(['CLOSED', 'NOT_ACCEPTED']);
  });

  it('the comparison can fail: a terminal status given a way out would be open', () => {
    const reopened: Table = { ...ARBITRATION_TRANSITIONS, NOT_ACCEPTED: { ACCEPT: 'ACCEPTED' } };
    expect(nonTerminal(reopened)).toContain('NOT_ACCEPTED');
    expect(nonTerminal(reopened).sort()).not.toEqual([...ARBITRATION_OPEN_STATUSES].sort());
  });

  it('the unique index of a collective dispute’s open case (migration 1796300000000) leaves out exactly the terminal statuses', () => {
    const index = getMetadataArgsStorage().indices.find(
      (i) => i.target === ArbitrationCase && i.name === 'uq_arbitration_cases_open_collective',
    );
    const excluded = /status NOT IN \(([^)]*)\)/
      .exec(String(index?.where))?.[1]
      .split(',')
      .map((s) => s.trim().replace(/'/g, ''));
    expect(excluded?.sort()).toEqual(ARBITRATION_STATUSES.filter((s) => !open(s)).sort());
  });
});
