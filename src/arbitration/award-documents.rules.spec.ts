import fc from 'fast-check';
import { CLAIM_TYPES, type ClaimType } from './arbitration.constants';
import {
  partialAwardErrors,
  partyWindowsOf,
  PROVISIONAL_EXECUTION_TYPES,
  provisionalExecutionErrors,
  provisionalExecutionTotals,
  splitAwardDocuments,
} from './award-documents.rules';

describe('award documents (办案规则 第五十条)', () => {
  it('a mixed award is two documents, final first; a homogeneous one is one', () => {
    expect(
      splitAwardDocuments([
        { id: 'a', final: false },
        { id: 'b', final: true },
        { id: 'c', final: false },
      ]),
    ).toEqual([
      { final: true, claimIds: ['b'] },
      { final: false, claimIds: ['a', 'c'] },
    ]);
    expect(splitAwardDocuments([{ id: 'a', final: true }])).toEqual([{ final: true, claimIds: ['a'] }]);
    expect(splitAwardDocuments([])).toEqual([]);
  });

  it('property: every claim in exactly one document, each document homogeneous, at most two', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), (finals) => {
        const claims = finals.map((final, i) => ({ id: `c${i}`, final }));
        const docs = splitAwardDocuments(claims);
        expect(docs.length).toBeLessThanOrEqual(2);
        expect(docs.flatMap((d) => d.claimIds).sort()).toEqual(claims.map((c) => c.id).sort());
        for (const d of docs)
          for (const id of d.claimIds) expect(claims.find((c) => c.id === id)!.final).toBe(d.final);
        expect(docs.length === 2).toBe(finals.includes(true) && finals.includes(false));
      }),
    );
  });

  it('service of a final award opens the suit and set-aside windows; a non-final one the suit window only (第四十八至五十条)', () => {
    expect(partyWindowsOf(true)).toEqual(['ARBITRATION_SUIT_WINDOW', 'ARBITRATION_SET_ASIDE_WINDOW']);
    expect(partyWindowsOf(false)).toEqual(['ARBITRATION_SUIT_WINDOW']);
  });
});

describe('先行裁决 (调解仲裁法 第四十三条第二款)', () => {
  it('some of the undecided claims, never all of them, never a decided one, each once', () => {
    const messages = (undecided: string[], chosen: string[]) =>
      partialAwardErrors(undecided, chosen).map((e) => e.message);
    expect(partialAwardErrors(['a', 'b'], ['a'])).toEqual([]);
    expect(messages(['a', 'b'], ['a', 'b'])).toEqual([
      'a partial award leaves at least one claim for the award',
    ]);
    expect(messages(['b'], ['a'])).toContain('only claims not yet decided');
    expect(messages(['a', 'b', 'c'], ['a', 'a'])).toEqual(['a claim is decided once']);
    expect(partialAwardErrors(['b'], ['a']).every((e) => e.field === 'claims')).toBe(true);
  });

  it('property: allowed ⇔ a proper, duplicate-free subset of the undecided claims', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }),
        (u, c) => {
          const undecided = u.map(String);
          const chosen = c.map(String);
          const proper =
            new Set(chosen).size === chosen.length &&
            chosen.every((x) => undecided.includes(x)) &&
            chosen.length < undecided.length;
          expect(partialAwardErrors(undecided, chosen).length === 0).toBe(proper);
        },
      ),
    );
  });
});

describe('先予执行 (调解仲裁法 第四十四条)', () => {
  const ok = {
    claims: [{ type: 'LABOR_REMUNERATION' as ClaimType, amountFen: 1_000_000, decided: false }],
    amountFen: 600_000,
    rightsClear: true,
    livelihoodAtRisk: true,
  };
  it('needs both conditions, money claims only, undecided, an amount within the claim', () => {
    expect(provisionalExecutionErrors(ok)).toEqual([]);
    expect(provisionalExecutionErrors({ ...ok, rightsClear: false }).map((e) => e.field)).toEqual([
      'rightsClear',
    ]);
    expect(provisionalExecutionErrors({ ...ok, livelihoodAtRisk: false }).map((e) => e.field)).toEqual([
      'livelihoodAtRisk',
    ]);
    expect(provisionalExecutionErrors({ ...ok, amountFen: 1_000_001 }).map((e) => e.field)).toEqual([
      'amountFen',
    ]);
    expect(
      provisionalExecutionErrors({ ...ok, claims: [{ ...ok.claims[0], type: 'STANDARDS' }] }).map(
        (e) => e.field,
      ),
    ).toEqual(['claimIds']);
    expect(provisionalExecutionErrors({ ...ok, claims: [{ ...ok.claims[0], decided: true }] })).toHaveLength(
      1,
    );
  });

  it('property: any claim type outside 第四十四条第一款 is refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLAIM_TYPES), (type) => {
        const errs = provisionalExecutionErrors({ ...ok, claims: [{ ...ok.claims[0], type }] });
        expect(errs.length === 0).toBe(PROVISIONAL_EXECUTION_TYPES.has(type));
      }),
    );
  });
});

describe('先予执行 in total (调解仲裁法 第四十四条)', () => {
  const claims = [
    { id: 'w', amountFen: 1_000_000 },
    { id: 'd', amountFen: 500_000 },
    { id: 'c', amountFen: 300_000 },
  ];
  it('counts the earlier rulings sharing a claim, transitively, against what their claims asked for', () => {
    expect(provisionalExecutionTotals(claims, [], ['w'])).toEqual({
      claimIds: ['w'],
      claimedFen: 1_000_000,
      alreadyOrderedFen: 0,
    });
    const earlier = [
      { claimIds: ['w'], amountFen: 700_000 },
      { claimIds: ['w', 'd'], amountFen: 100_000 },
      { claimIds: ['c'], amountFen: 300_000 },
    ];
    expect(provisionalExecutionTotals(claims, earlier, ['d'])).toMatchObject({
      claimedFen: 1_500_000,
      alreadyOrderedFen: 800_000,
    });
    expect(provisionalExecutionTotals(claims, earlier, ['c'])).toMatchObject({
      claimedFen: 300_000,
      alreadyOrderedFen: 300_000,
    });
  });
});
