import { usccCheckChar } from '../../src/common/validation/uscc';

/**
 * A valid unified social credit code (GB 32100-2015 check character) of a test employer registered in Pudong:
 * `91310115MA` + `series` + n, zero-padded to 17 characters. Specs pass their own series so their employers
 * never collide with each other's or the generator's.
 */
export function testUscc(n: number, series = ''): string {
  const first17 = `91310115MA${series}${String(n).padStart(7 - series.length, '0')}`;
  if (first17.length !== 17) throw new RangeError(`test USCC ${first17} is not 17 characters`);
  return first17 + usccCheckChar(first17);
}
