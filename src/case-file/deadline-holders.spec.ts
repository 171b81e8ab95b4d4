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
});
