import fc from 'fast-check';
import { coversJurisdiction } from './roles';

// Administrative division codes (GB/T 2260 + street-level extension): 6-digit district, 9-digit street.
const PUDONG = '310115';
const PUDONG_STREET = '310115005';
const OTHER_PUDONG_STREET = '310115007';
const HUANGPU_STREET = '310101002';

const digitString = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
const districtCode = digitString(6);
const streetCode = digitString(9);
const scope = (...jurisdictions: string[]) => ({ jurisdictions });

describe('coversJurisdiction', () => {
  it('a district code covers its streets', () => {
    expect(coversJurisdiction(scope(PUDONG), PUDONG_STREET)).toBe(true);
    expect(coversJurisdiction(scope(PUDONG), OTHER_PUDONG_STREET)).toBe(true);
  });

  it("a district code does not cover another district's streets", () => {
    expect(coversJurisdiction(scope(PUDONG), HUANGPU_STREET)).toBe(false);
  });

  it('a street code covers only itself', () => {
    expect(coversJurisdiction(scope(PUDONG_STREET), PUDONG_STREET)).toBe(true);
    expect(coversJurisdiction(scope(PUDONG_STREET), OTHER_PUDONG_STREET)).toBe(false);
    expect(coversJurisdiction(scope(PUDONG_STREET), HUANGPU_STREET)).toBe(false);
    // ...and not the district it belongs to.
    expect(coversJurisdiction(scope(PUDONG_STREET), PUDONG)).toBe(false);
  });

  it('an empty scope covers nothing', () => {
    expect(coversJurisdiction(scope(), PUDONG_STREET)).toBe(false);
    expect(coversJurisdiction(scope(), PUDONG)).toBe(false);
    expect(coversJurisdiction(scope(), '')).toBe(false);
  });

  it('a scope with several codes covers the union', () => {
    const s = scope(PUDONG_STREET, '310101');
    expect(coversJurisdiction(s, PUDONG_STREET)).toBe(true);
    expect(coversJurisdiction(s, HUANGPU_STREET)).toBe(true);
    expect(coversJurisdiction(s, OTHER_PUDONG_STREET)).toBe(false);
  });

  it('property: a scope [c] always covers c', () => {
    fc.assert(fc.property(fc.oneof(districtCode, streetCode), (c) => coversJurisdiction(scope(c), c)));
  });

  it('property: an empty or non-numeric scope entry covers nothing (never everything)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(''),
          fc.string().filter((s) => !/^\d{2,12}$/.test(s)),
        ),
        streetCode,
        (bad, code) => expect(coversJurisdiction(scope(bad), code)).toBe(false),
      ),
    );
  });

  it('property: a district covers a street exactly when the street code starts with it', () => {
    fc.assert(
      fc.property(districtCode, digitString(3), districtCode, (district, suffix, other) => {
        expect(coversJurisdiction(scope(district), district + suffix)).toBe(true);
        expect(coversJurisdiction(scope(other), district + suffix)).toBe(other === district);
      }),
    );
  });

  it('property: a street code covers no other street code', () => {
    fc.assert(
      fc.property(streetCode, streetCode, (a, b) => {
        fc.pre(a !== b);
        expect(coversJurisdiction(scope(a), b)).toBe(false);
      }),
    );
  });

  it('property: adding codes to a scope never removes coverage', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(districtCode, streetCode), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        digitString(3),
        fc.array(fc.oneof(districtCode, streetCode), { maxLength: 5 }),
        (base, pick, suffix, extra) => {
          const chosen = base[pick % base.length];
          // A code the base scope covers: one of its codes, extended to street length when it is a district.
          const code = chosen.length === 6 ? chosen + suffix : chosen;
          expect(coversJurisdiction(scope(...base), code)).toBe(true);
          expect(coversJurisdiction(scope(...extra, ...base), code)).toBe(true);
        },
      ),
    );
  });
});
