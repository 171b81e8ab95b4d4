import fc from 'fast-check';
import { CHECKSUM_PRIME } from './sla-facts.sql';
import { checksumsBy, differingKeys } from './sla-checksums';

const P = BigInt(CHECKSUM_PRIME);
const one = (key: string, sum: bigint) => new Map([[key, sum]]);
const row = (street_code: string, case_type: string, cells: bigint) => ({
  street_code,
  case_type,
  cells: String(cells),
});

describe('the nightly recompute: per-street checksum comparison', () => {
  it('compares sums modulo the prime: sums that differ by multiples of it, or of opposite sign, agree', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
        fc.bigInt({ min: -8n, max: 8n }),
        (s, k) => {
          expect(differingKeys(one('A', s), one('A', s + k * P))).toEqual([]);
          expect(differingKeys(one('A', s), one('A', s + k * P + 1n))).toEqual(['A']);
        },
      ),
    );
  });

  it('a key on one side only differs unless its sum is 0; the keys come sorted', () => {
    const a = new Map([
      ['MEDIATION A', 5n],
      ['MEDIATION B', 0n],
      ['INSPECTION C', P],
    ]);
    const b = new Map([['INSPECTION A', 5n]]);
    expect(differingKeys(a, b)).toEqual(['INSPECTION A', 'MEDIATION A']);
  });

  it('sums a column per key over the rows, as residues (missing values count 0)', () => {
    const rows = [
      row('A', 'ARBITRATION', 7n),
      row('A', 'MEDIATION', P - 2n),
      row('B', 'INSPECTION', -3n),
      { street_code: 'C', case_type: 'INSPECTION' },
    ];
    const cells = checksumsBy(
      rows,
      (r) => r.street_code,
      (r) => ('cells' in r ? r.cells : undefined),
    );
    expect(cells).toEqual(
      new Map([
        ['A', 5n],
        ['B', P - 3n],
        ['C', 0n],
      ]),
    );
    const maintained = [
      { street_code: 'A', sum: String(5n + P) },
      { street_code: 'B', sum: '-3' },
      { street_code: 'D', sum: '1' },
    ];
    expect(
      differingKeys(
        cells,
        checksumsBy(
          maintained,
          (r) => r.street_code,
          (r) => r.sum,
        ),
      ),
    ).toEqual(['D']);
  });
});
