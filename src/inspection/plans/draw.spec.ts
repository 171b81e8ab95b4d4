import fc from 'fast-check';
import {
  drawPlan,
  DrawError,
  inspectorPoolHash,
  MAX_SEED,
  registerSnapshotHash,
  weightFor,
  type DrawCandidate,
  type DrawConflict,
  type DrawInput,
  type DrawInspector,
} from './draw';

const STREETS = ['310115005', '310115007', '310115008'];
const hex = (n: number) => n.toString(16).padStart(4, '0');
const employerId = (n: number) => `00000000-0000-7000-8000-00000001${hex(n)}`;
const inspectorId = (n: number) => `00000000-0000-7000-8000-00000002${hex(n)}`;

/** A random register, inspector pool and conflict list; count fits what may be drawn (or not). */
const drawInput = fc
  .record({
    candidates: fc.uniqueArray(
      fc.record({
        n: fc.integer({ min: 0, max: 500 }),
        street: fc.constantFrom(...STREETS),
        weight: fc.integer({ min: 1, max: 5 }),
      }),
      { selector: (c) => c.n, minLength: 1, maxLength: 40 },
    ),
    inspectors: fc.uniqueArray(
      fc.record({
        n: fc.integer({ min: 0, max: 100 }),
        // a district-wide inspector, one street, two streets, or another district's street
        scope: fc.constantFrom(['310115'], ['310115005'], ['310115007', '310115008'], ['310110001']),
      }),
      { selector: (i) => i.n, minLength: 0, maxLength: 12 },
    ),
    conflictPairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
    seed: fc.integer({ min: 0, max: MAX_SEED }),
    countFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ candidates, inspectors, conflictPairs, seed, countFraction }) => {
    const c: DrawCandidate[] = candidates.map((x) => ({
      employerId: employerId(x.n),
      streetCode: x.street,
      weight: x.weight,
    }));
    const i: DrawInspector[] = inspectors.map((x) => ({ id: inspectorId(x.n), jurisdictions: [...x.scope] }));
    const conflicts: DrawConflict[] = i.length
      ? conflictPairs.map(([a, b]) => ({
          inspectorId: i[a % i.length].id,
          employerId: c[b % c.length].employerId,
        }))
      : [];
    return { c, i, conflicts, seed, countFraction };
  });

/** The input with `count` set to a feasible value (at least 1), or null when nothing may be drawn. */
function tryFeasible(x: {
  c: DrawCandidate[];
  i: DrawInspector[];
  conflicts: DrawConflict[];
  seed: number;
  countFraction: number;
}): DrawInput | null {
  const input = { seed: x.seed, count: 1, candidates: x.c, inspectors: x.i, conflicts: x.conflicts };
  try {
    const { drawable } = drawPlan(input);
    return { ...input, count: Math.max(1, Math.ceil(x.countFraction * drawable)) };
  } catch (e) {
    if (e instanceof DrawError && e.reason === 'TOO_FEW_CANDIDATES') return null;
    throw e;
  }
}

const shuffle = <T>(a: readonly T[], s: number): T[] =>
  a
    .map((v, k) => ({ v, k: (k * 7919 + s) % 104729 }))
    .sort((p, q) => p.k - q.k)
    .map((p) => p.v);

describe('双随机 draw', () => {
  it('is reproducible: same inputs and seed give the same draw, whatever the input order', () => {
    fc.assert(
      fc.property(drawInput, fc.nat(), (x, s) => {
        const input = tryFeasible(x);
        fc.pre(input !== null);
        const a = drawPlan(input);
        const b = drawPlan({
          ...input,
          candidates: shuffle(input.candidates, s),
          inspectors: shuffle(input.inspectors, s + 1),
          conflicts: shuffle(input.conflicts, s + 2),
        });
        expect(b).toEqual(a);
      }),
    );
  });

  it('draws exactly N distinct employers from the candidates, each with distinct, eligible inspectors', () => {
    fc.assert(
      fc.property(drawInput, (x) => {
        const input = tryFeasible(x);
        fc.pre(input !== null);
        const r = drawPlan(input);
        expect(r.items).toHaveLength(input.count);
        expect(new Set(r.items.map((it) => it.employerId)).size).toBe(input.count);
        const byId = new Map(input.candidates.map((c) => [c.employerId, c]));
        const inspectors = new Map(input.inspectors.map((i) => [i.id, i]));
        const conflicted = new Set(input.conflicts.map((c) => `${c.inspectorId}|${c.employerId}`));
        for (const it of r.items) {
          const c = byId.get(it.employerId)!;
          expect(c).toBeDefined();
          expect(it.streetCode).toBe(c.streetCode);
          expect(it.inspectorIds).toHaveLength(2);
          expect(new Set(it.inspectorIds).size).toBe(2);
          for (const id of it.inspectorIds) {
            const i = inspectors.get(id)!;
            // never out of jurisdiction, never conflicted
            expect(i.jurisdictions.some((j) => c.streetCode.startsWith(j))).toBe(true);
            expect(conflicted.has(`${id}|${it.employerId}`)).toBe(false);
          }
        }
        expect(r.items.map((it) => it.position)).toEqual(r.items.map((_, k) => k + 1));
      }),
    );
  });

  it('refuses to draw more employers than may be drawn, with the counts', () => {
    fc.assert(
      fc.property(drawInput, fc.integer({ min: 1, max: 5 }), (x, extra) => {
        const input = tryFeasible(x);
        fc.pre(input !== null);
        const { drawable, matched } = drawPlan(input);
        let err: unknown;
        try {
          drawPlan({ ...input, count: drawable + extra });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(DrawError);
        expect((err as DrawError).details).toEqual({ requested: drawable + extra, matched, drawable });
      }),
    );
  });

  it('a different seed usually gives a different draw (the seed matters)', () => {
    const candidates = Array.from({ length: 50 }, (_, n) => ({
      employerId: employerId(n),
      streetCode: STREETS[n % 3],
      weight: 1,
    }));
    const inspectors = [1, 2, 3, 4].map((n) => ({ id: inspectorId(n), jurisdictions: ['310115'] }));
    const draws = new Set(
      [1, 2, 3, 4, 5].map((seed) =>
        JSON.stringify(drawPlan({ seed, count: 5, candidates, inspectors, conflicts: [] }).items),
      ),
    );
    expect(draws.size).toBe(5);
  });

  it('leaves out employers with fewer than two eligible inspectors (conflicts and jurisdiction)', () => {
    const candidates = [
      { employerId: employerId(1), streetCode: '310115005', weight: 1 },
      { employerId: employerId(2), streetCode: '310115007', weight: 1 },
      { employerId: employerId(3), streetCode: '310115005', weight: 1 },
    ];
    const inspectors = [
      { id: inspectorId(1), jurisdictions: ['310115005'] },
      { id: inspectorId(2), jurisdictions: ['310115005'] },
      { id: inspectorId(3), jurisdictions: ['310115005'] },
      { id: inspectorId(4), jurisdictions: ['310115007'] },
    ];
    const conflicts = [
      { inspectorId: inspectorId(1), employerId: employerId(3) },
      { inspectorId: inspectorId(2), employerId: employerId(3) },
    ];
    const r = drawPlan({ seed: 7, count: 1, candidates, inspectors, conflicts });
    expect(r.withoutInspectors).toEqual([employerId(2), employerId(3)]);
    expect(r.items[0].employerId).toBe(employerId(1));
    expect(() => drawPlan({ seed: 7, count: 2, candidates, inspectors, conflicts })).toThrow(DrawError);
  });

  it('weights: over many seeds a heavier employer is drawn more often, in proportion', () => {
    const candidates = [
      { employerId: employerId(1), streetCode: '310115005', weight: 1 },
      { employerId: employerId(2), streetCode: '310115005', weight: 4 },
      { employerId: employerId(3), streetCode: '310115005', weight: 1 },
    ];
    const inspectors = [1, 2].map((n) => ({ id: inspectorId(n), jurisdictions: ['310115005'] }));
    const hits = new Map<string, number>();
    for (let seed = 0; seed < 3000; seed++) {
      const id = drawPlan({ seed, count: 1, candidates, inspectors, conflicts: [] }).items[0].employerId;
      hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    // expected 500 / 2000 / 500
    expect(hits.get(employerId(2))!).toBeGreaterThan(1850);
    expect(hits.get(employerId(2))!).toBeLessThan(2150);
    expect(hits.get(employerId(1))!).toBeGreaterThan(400);
    expect(hits.get(employerId(3))!).toBeGreaterThan(400);
  });

  it('weights: raising one employer’s weight never makes it drawn less often over seeds 0..399', () => {
    const inspectors = [1, 2].map((n) => ({ id: inspectorId(n), jurisdictions: ['310115005'] }));
    /** How often employer 1 (weight `heavy`, the three others weight 2) is drawn over fixed seeds. */
    const hits = (heavy: number) => {
      const candidates = [1, 2, 3, 4].map((n) => ({
        employerId: employerId(n),
        streetCode: '310115005',
        weight: n === 1 ? heavy : 2,
      }));
      let k = 0;
      for (let seed = 0; seed < 400; seed++)
        if (
          drawPlan({ seed, count: 1, candidates, inspectors, conflicts: [] }).items[0].employerId ===
          employerId(1)
        )
          k++;
      return k;
    };
    const counts = [1, 2, 3, 4, 6, 8].map(hits);
    for (let k = 1; k < counts.length; k++) expect(counts[k]).toBeGreaterThanOrEqual(counts[k - 1]);
    expect(counts[counts.length - 1]).toBeGreaterThan(counts[0] * 3);
  });

  it('rejects malformed input', () => {
    const base: DrawInput = {
      seed: 1,
      count: 1,
      candidates: [{ employerId: employerId(1), streetCode: '310115005', weight: 1 }],
      inspectors: [],
      conflicts: [],
    };
    for (const bad of [
      { seed: -1 },
      { seed: MAX_SEED + 1 },
      { seed: 1.5 },
      { count: 0 },
      { candidates: [{ employerId: employerId(1), streetCode: '310115005', weight: 0 }] },
      { candidates: [base.candidates[0], base.candidates[0]] },
    ])
      expect(() => drawPlan({ ...base, ...bad })).toThrow(
        expect.objectContaining({ reason: 'INVALID_INPUT' }) as Error,
      );
  });

  it('hashes identify the snapshot regardless of order, and change with any content', () => {
    const c = [
      { employerId: employerId(2), streetCode: '310115005', weight: 1 },
      { employerId: employerId(1), streetCode: '310115007', weight: 3 },
    ];
    expect(registerSnapshotHash(c)).toBe(registerSnapshotHash([...c].reverse()));
    expect(registerSnapshotHash(c)).toMatch(/^[0-9a-f]{64}$/);
    expect(registerSnapshotHash(c)).not.toBe(registerSnapshotHash([c[0], { ...c[1], weight: 2 }]));
    const i = [{ id: inspectorId(1), jurisdictions: ['310115007', '310115005'] }];
    const k = [{ inspectorId: inspectorId(1), employerId: employerId(1) }];
    expect(inspectorPoolHash(i, k)).toBe(
      inspectorPoolHash([{ id: inspectorId(1), jurisdictions: ['310115005', '310115007'] }], k),
    );
    expect(inspectorPoolHash(i, k)).not.toBe(inspectorPoolHash(i, []));
  });

  it('weightFor: missing level weighs NONE, missing key weighs 1', () => {
    expect(weightFor(null, { NONE: 2, RED: 5 })).toBe(2);
    expect(weightFor('RED', { NONE: 2, RED: 5 })).toBe(5);
    expect(weightFor('BLUE', { RED: 5 })).toBe(1);
    expect(weightFor('RED', null)).toBe(1);
  });
});
