import fc from 'fast-check';
import { classifySearch, likeContaining, SEARCH_QUERY_PATTERN } from './search.rules';

describe('search query classification', () => {
  it('normalises mobile numbers', () => {
    for (const q of ['13800000000', '+86 138 0000 0000', '86-138-0000-0000', '138 0000 0000'])
      expect(classifySearch(q)).toEqual({ kind: 'PHONE', phone: '13800000000' });
  });

  it('takes USCCs, tracking and case numbers as exact keys', () => {
    expect(classifySearch('91310115mA1k4abc2x')).toEqual({ kind: 'USCC', uscc: '91310115MA1K4ABC2X' });
    expect(classifySearch('pd-2026-0000012-5')).toEqual({ kind: 'NUMBER', number: 'PD-2026-0000012-5' });
    expect(classifySearch('浦劳人仲〔2026〕第12号')).toEqual({
      kind: 'NUMBER',
      number: '浦劳人仲〔2026〕第12号',
    });
    expect(classifySearch('浦陆家嘴人调字〔2026〕第3号')).toEqual({
      kind: 'NUMBER',
      number: '浦陆家嘴人调字〔2026〕第3号',
    });
  });

  it('takes anything else as part of an employer name, wildcards escaped', () => {
    expect(classifySearch('华为')).toEqual({ kind: 'EMPLOYER_NAME', fragment: '华为', pattern: '%华为%' });
    expect(likeContaining('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('accepts two characters or one Chinese character, never one Latin character or nothing', () => {
    expect(SEARCH_QUERY_PATTERN.test('华')).toBe(true);
    expect(SEARCH_QUERY_PATTERN.test('ab')).toBe(true);
    expect(SEARCH_QUERY_PATTERN.test('a')).toBe(false);
    expect(SEARCH_QUERY_PATTERN.test('')).toBe(false);
  });

  it('classifies every string without throwing, and a pattern always contains the query', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (q) => {
        const k = classifySearch(q);
        return k.kind !== 'EMPLOYER_NAME' || k.pattern.startsWith('%');
      }),
    );
  });
});
