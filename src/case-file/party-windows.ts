/**
 * After a mixed award the two documents (办案规则 第五十条: 裁决内容同时涉及终局裁决和非终局裁决的，应当分别制作裁决书)
 * each open a suit window, and they differ in who may sue: on the final items the worker alone (调解仲裁法 第四十八条),
 * on the others either party (第五十条). The case file names them apart; a homogeneous award keeps the rule's name.
 */
export const SUIT_WINDOW_LABELS = {
  final: '不服终局裁决起诉期限（劳动者）',
  nonFinal: '不服非终局裁决起诉期限（双方当事人）',
} as const;

interface WindowClock {
  rule: { id: string; name: { zh: string; en: string } };
  start: string;
}

/**
 * Each suit-window clock of an arbitration case paired with the served document it runs from (same service day, in
 * the order issued: final first), renamed by who may sue when the served documents mix final and non-final ones.
 * Two documents served the same day give the two clocks the same dates, so the pairing by day cannot mislabel a date.
 */
export function labelSuitWindows<C extends WindowClock>(
  clocks: readonly C[],
  documents: readonly { seq: number; final: boolean; servedOn: string | null }[],
): C[] {
  const served = documents.filter((d) => d.servedOn !== null).sort((a, b) => a.seq - b.seq);
  if (!served.some((d) => d.final) || served.every((d) => d.final)) return [...clocks];
  const unused = [...served];
  return clocks.map((c) => {
    if (c.rule.id !== 'ARBITRATION_SUIT_WINDOW') return c;
    const i = unused.findIndex((d) => d.servedOn === c.start);
    if (i < 0) return c;
    const [doc] = unused.splice(i, 1);
    const zh = doc.final ? SUIT_WINDOW_LABELS.final : SUIT_WINDOW_LABELS.nonFinal;
    const en = `${c.rule.name.en} (${doc.final ? 'final award: the worker' : 'non-final award: either party'})`;
    return { ...c, rule: { ...c.rule, name: { zh, en } } };
  });
}
