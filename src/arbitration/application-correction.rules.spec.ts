import fc from 'fast-check';
import {
  answerErrors,
  CORRECTION_ITEM_CODES,
  CORRECTION_ITEMS,
  correctionItems,
  correctionRefusal,
  correctionSummary,
  type CorrectionItem,
  type CorrectionRecord,
} from './application-correction.rules';

const code = fc.constantFrom(...CORRECTION_ITEM_CODES);
const earlier: CorrectionRecord = {
  requestedOn: '2026-12-01',
  dueOn: '2026-12-15',
  items: correctionItems(['EVIDENCE']),
  note: null,
  suppliedOn: '2026-12-03',
  answers: [{ item: 'EVIDENCE', text: '工资条' }],
};

describe('补正 of an arbitration application (办案规则 第二十九条第四款)', () => {
  it('the items are in the order of 第二十九条, each once, with their words', () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 12 }), (codes) => {
        const items = correctionItems(codes);
        expect(items.map((i) => i.code)).toEqual(CORRECTION_ITEM_CODES.filter((c) => codes.includes(c)));
        for (const i of items) expect(i.label).toBe(CORRECTION_ITEMS[i.code]);
      }),
    );
  });

  it('the notice names every item, and the note', () => {
    const r = { items: correctionItems(['RESPONDENT_DETAILS', 'OTHER']), note: '请提交委托书' };
    expect(correctionSummary(r)).toBe(`${CORRECTION_ITEMS.RESPONDENT_DETAILS}；其他材料。说明：请提交委托书`);
  });

  it('once only, and only while the acceptance period runs and has not passed', () => {
    const running = { state: 'RUNNING' as const, due: '2026-12-08' };
    expect(correctionRefusal(null, running, '2026-12-08')).toBeNull();
    expect(correctionRefusal(earlier, running, '2026-12-08')).toEqual({
      code: 'ARBITRATION_CORRECTION_ALREADY_REQUESTED',
    });
    expect(correctionRefusal(null, running, '2026-12-09')).toEqual({
      code: 'ARBITRATION_CORRECTION_TOO_LATE',
      lastDay: '2026-12-08',
    });
    expect(correctionRefusal(null, { state: 'BREACHED', due: '2026-12-01' }, '2026-12-02')).toMatchObject({
      code: 'ARBITRATION_CORRECTION_TOO_LATE',
    });
    expect(correctionRefusal(null, undefined, '2026-12-02')).toEqual({
      code: 'ARBITRATION_CORRECTION_TOO_LATE',
      lastDay: null,
    });
  });

  it('answers: valid exactly when they answer each asked item once and nothing else', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(code, { minLength: 1 }),
        fc.array(code, { maxLength: 10 }),
        (asked, given) => {
          const errors = answerErrors(
            asked,
            given.map((item) => ({ item })),
          );
          const valid =
            given.length === asked.length &&
            new Set(given).size === given.length &&
            given.every((g) => asked.includes(g));
          expect(errors.length === 0).toBe(valid);
          const unanswered = errors.find((e) => e.kind === 'UNANSWERED');
          expect(unanswered?.items ?? []).toEqual(asked.filter((a) => !given.includes(a)));
        },
      ),
    );
  });

  it('names the field of an answer not asked, or given twice', () => {
    const asked: CorrectionItem[] = ['EVIDENCE'];
    expect(
      answerErrors(asked, [{ item: 'EVIDENCE' }, { item: 'EVIDENCE' }, { item: 'SIGNATURE' }]).map((e) => [
        e.field,
        e.kind,
      ]),
    ).toEqual([
      ['answers[1].item', 'TWICE'],
      ['answers[2].item', 'NOT_ASKED'],
    ]);
  });
});
