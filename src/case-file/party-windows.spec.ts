import { labelSuitWindows, SUIT_WINDOW_LABELS } from './party-windows';

const suit = (start: string) => ({
  rule: {
    id: 'ARBITRATION_SUIT_WINDOW',
    name: { zh: '不服仲裁裁决起诉期限', en: 'Window to sue after the award' },
  },
  start,
});
const setAside = (start: string) => ({
  rule: { id: 'ARBITRATION_SET_ASIDE_WINDOW', name: { zh: '申请撤销终局裁决期限', en: '' } },
  start,
});

describe('labelSuitWindows', () => {
  it('a mixed award: the final document’s window is the worker’s, the other either party’s', () => {
    const docs = [
      { seq: 1, final: true, servedOn: '2026-12-07' },
      { seq: 2, final: false, servedOn: '2026-12-07' },
    ];
    const out = labelSuitWindows([suit('2026-12-07'), setAside('2026-12-07'), suit('2026-12-07')], docs);
    expect(out.map((c) => c.rule.name.zh)).toEqual([
      SUIT_WINDOW_LABELS.final,
      '申请撤销终局裁决期限',
      SUIT_WINDOW_LABELS.nonFinal,
    ]);
  });

  it('documents served on different days: each window by its own service day', () => {
    const docs = [
      { seq: 1, final: true, servedOn: '2026-12-09' },
      { seq: 2, final: false, servedOn: '2026-12-07' },
    ];
    const out = labelSuitWindows([suit('2026-12-07'), suit('2026-12-09')], docs);
    expect(out.map((c) => c.rule.name.zh)).toEqual([SUIT_WINDOW_LABELS.nonFinal, SUIT_WINDOW_LABELS.final]);
  });

  it('a homogeneous award keeps the rule’s name', () => {
    const docs = [{ seq: 1, final: false, servedOn: '2026-12-07' }];
    expect(labelSuitWindows([suit('2026-12-07')], docs)[0].rule.name.zh).toBe('不服仲裁裁决起诉期限');
  });
});
