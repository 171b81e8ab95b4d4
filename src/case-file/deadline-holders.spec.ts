import { assertStaffPeriod } from '../deadlines/staff-clock-events';
import { DEADLINE_RULE_CATALOGUE, DEADLINE_RULES } from '../deadline-rules';
import { run } from '../../test/support/clock-events';
import { namedForWorker, WORKER_DEADLINE_NAMES } from './deadline-holders';

const clock = (id: string, zh: string) => ({ id: 'k', rule: { id, name: { zh, en: 'x' } } });

describe('namedForWorker (whose each period is, in the worker’s file)', () => {
  it('names the employer’s defence period and the commission’s service period by their holders', () => {
    expect(namedForWorker(clock('ARBITRATION_DEFENCE', '答辩期限')).rule.name.zh).toBe('用人单位答辩期限');
    expect(
      namedForWorker(clock('ARBITRATION_SERVICE_TO_RESPONDENT', '仲裁申请书副本送达期限')).rule.name.zh,
    ).toBe('仲裁委送达仲裁申请书副本期限');
  });

  it('keeps a name that already says whose (a suit window named by who may sue) and the English name', () => {
    const suit = clock('ARBITRATION_SUIT_WINDOW', '不服终局裁决起诉期限（劳动者）');
    expect(namedForWorker(suit)).toBe(suit);
    expect(namedForWorker(clock('ARBITRATION_DEFENCE', '答辩期限')).rule.name.en).toBe('x');
  });

  it('names every period a worker could take for their own by its holder', () => {
    for (const [id, zh] of Object.entries(WORKER_DEADLINE_NAMES))
      if (zh !== null)
        expect({ id, holder: /^(仲裁委|仲裁庭|用人单位|当事人|劳动保障监察机构)/.test(zh) }).toEqual({
          id,
          holder: true,
        });
  });

  it('a period the file names as a party’s (用人单位…, 当事人…) is the party’s window (holder PARTY); a body’s is a staff duty', () => {
    // What the holder changes: a party's window is no staff duty (due lists, reminders, at-risk), run out it LAPSED
    // (no body was late: the worker's file says 届满, not 超期) and staff cannot pause or extend it.
    for (const [id, zh] of Object.entries(WORKER_DEADLINE_NAMES))
      if (zh !== null)
        expect({ id, staffDuty: DEADLINE_RULE_CATALOGUE.isStaffDuty(id) }).toEqual({
          id,
          staffDuty: !/^(用人单位|当事人)/.test(zh),
        });
  });

  it('the employer’s 5 working days to ask for a penalty hearing run out LAPSED, never BREACHED (行政处罚法 第六十四条)', () => {
    // Told of the proposed penalty on Mon 2026-03-02: the request is due Mon 03-09; on 03-10 nobody is late.
    const r = run(DEADLINE_RULES.PENALTY_HEARING_REQUEST, '2026-03-02', [], '2026-03-10');
    expect([r.due, r.state]).toEqual(['2026-03-09', 'LAPSED']);
    for (const id of ['PENALTY_HEARING_REQUEST', 'ARBITRATION_POSTPONEMENT_REQUEST'] as const)
      expect(() =>
        assertStaffPeriod(DEADLINE_RULES[id], { type: 'PAUSE', date: '2026-03-02', reason: 'x' }),
      ).toThrow(expect.objectContaining({ code: 'CLOCK_HELD_BY_PARTY' }));
  });
});
