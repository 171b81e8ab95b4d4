import fc from 'fast-check';
import { CHECKSUM_PRIME } from './sla-facts.sql';
import { differingFactStreets, differingStreets, sumPerStreet } from './sla.repository';

const P = BigInt(CHECKSUM_PRIME);
const row = (street_code: string, case_type: string, facts: bigint, cells = 0n, handling = 0n) => ({
  street_code,
  case_type,
  facts: String(facts),
  cells: String(cells),
  handling: String(handling),
});

describe('the nightly recompute: per-street checksum comparison', () => {
  it('compares sums modulo the prime: sums that differ by multiples of it, or of opposite sign, agree', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
        fc.bigInt({ min: -8n, max: 8n }),
        (s, k) => {
          const source = [row('310115004', 'ARBITRATION', s)];
          const stored = [row('310115004', 'ARBITRATION', s + k * P)];
          expect(differingFactStreets(['ARBITRATION'], source, stored).get('ARBITRATION')!.size).toBe(0);
          const moved = [row('310115004', 'ARBITRATION', s + k * P + 1n)];
          expect([...differingFactStreets(['ARBITRATION'], source, moved).get('ARBITRATION')!]).toEqual([
            '310115004',
          ]);
        },
      ),
    );
  });

  it('a street or case type on one side only differs unless its sum is 0', () => {
    const source = [row('A', 'MEDIATION', 5n), row('B', 'MEDIATION', 0n)];
    const stored = [row('A', 'INSPECTION', 5n)];
    const out = differingFactStreets(['MEDIATION', 'INSPECTION'], source, stored);
    expect([...out.get('MEDIATION')!]).toEqual(['A']);
    expect([...out.get('INSPECTION')!]).toEqual(['A']);
  });

  it('sums the cells and handling checksums of a street over the case types, then compares with the maintained', () => {
    const stored = [
      row('A', 'ARBITRATION', 0n, 7n, 1n),
      row('A', 'MEDIATION', 0n, P - 2n, 2n),
      row('B', 'INSPECTION', 0n, -3n, 0n),
    ];
    const cells = sumPerStreet(stored, 'cells');
    expect(cells).toEqual(
      new Map([
        ['A', 5n],
        ['B', P - 3n],
      ]),
    );
    expect(
      differingStreets(new Set(), cells, [
        { street_code: 'A', sum: '5' },
        { street_code: 'B', sum: '-3' },
      ]),
    ).toEqual([]);
    // C has maintained rows the facts do not give; B's facts changed, so it is compared whatever its checksum.
    expect(
      differingStreets(new Set(['B']), cells, [
        { street_code: 'A', sum: String(5n + P) },
        { street_code: 'B', sum: '-3' },
        { street_code: 'C', sum: '1' },
      ]),
    ).toEqual(['B', 'C']);
    expect(
      differingStreets(new Set(), sumPerStreet(stored, 'handling'), [{ street_code: 'A', sum: '3' }]),
    ).toEqual([]);
  });
});
