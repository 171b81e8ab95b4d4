import fc from 'fast-check';
import { formatYuan } from './money';

describe('formatYuan', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(formatYuan(0)).toBe('0.00元');
    expect(formatYuan(5)).toBe('0.05元');
    expect(formatYuan(1250001)).toBe('12500.01元');
    expect(formatYuan(-250)).toBe('-2.50元');
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91元');
  });

  it('reads back as the same number of fen, for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (fen) => {
        const text = formatYuan(fen);
        expect(text).toMatch(/^-?\d+\.\d{2}元$/);
        const [whole, cents] = text.slice(0, -1).replace('-', '').split('.');
        expect(BigInt(whole) * 100n + BigInt(cents)).toBe(BigInt(Math.abs(fen)));
      }),
    );
  });
});
