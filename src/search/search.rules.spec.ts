import fc from 'fast-check';
import { idNumberCheckChar } from '../common/validation/id-number';
import { classifySearch, likeContaining, normalisePersonName, SEARCH_QUERY_PATTERN } from './search.rules';

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
    expect(classifySearch('华为技术有限')).toEqual({
      kind: 'EMPLOYER_NAME',
      fragment: '华为技术有限',
      pattern: '%华为技术有限%',
    });
    // Two to four Chinese characters may also be a person's full name: still the employer-name fragment too.
    expect(classifySearch('华为')).toEqual({
      kind: 'NAME',
      name: '华为',
      fragment: '华为',
      pattern: '%华为%',
    });
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

describe('search by a worker: ID number and full name', () => {
  const idNumberOf = (area: string, birth: string, seq: string) => {
    const first17 = `${area}${birth}${seq}`;
    return first17 + idNumberCheckChar(first17);
  };
  const validIdNumber = fc
    .tuple(
      fc.stringMatching(/^[1-9]\d{5}$/),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }),
      fc.stringMatching(/^\d{3}$/),
    )
    .map(([area, d, seq]) => idNumberOf(area, d.toISOString().slice(0, 10).replace(/-/g, ''), seq));
  const han = fc.constantFrom(...'张王李赵欧阳淑芬买提阿卜杜拉𠇔〇'.split(/(?:)/u));
  const spaces = fc.constantFrom(' ', '\u3000', '\u00a0', '\t', '');

  it('takes an ID number with a valid check character (GB 11643-1999), as typed, as an ID number and a USCC', () => {
    fc.assert(
      fc.property(validIdNumber, fc.boolean(), (id, spaced) => {
        const typed = (spaced ? `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}` : id).toLowerCase();
        expect(classifySearch(typed)).toEqual({ kind: 'ID_NUMBER', idNumber: id, uscc: id });
      }),
    );
    expect(classifySearch('11010519491231002x')).toEqual({
      kind: 'ID_NUMBER',
      idNumber: '11010519491231002X',
      uscc: '11010519491231002X',
    });
  });

  it('takes an 18-character number with a wrong check character as a USCC, as before (never an ID number)', () => {
    fc.assert(
      fc.property(validIdNumber, fc.constantFrom(...'0123456789X'), (id, c) => {
        fc.pre(c !== id[17]);
        const wrong = id.slice(0, 17) + c;
        expect(classifySearch(wrong)).toEqual({ kind: 'USCC', uscc: wrong });
      }),
    );
  });

  it('takes 2-4 Chinese characters as a full name and an employer-name fragment, spaces (full-width too) dropped', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(han, spaces), { minLength: 2, maxLength: 4 }), (parts) => {
        const name = parts.map(([c]) => c).join('');
        const typed = parts
          .map(([c, s]) => c + s)
          .join('')
          .trim();
        expect(classifySearch(typed)).toEqual({
          kind: 'NAME',
          name,
          fragment: typed,
          pattern: likeContaining(typed),
        });
      }),
    );
    expect(classifySearch('张　三')).toMatchObject({ kind: 'NAME', name: '张三' });
    expect(classifySearch('阿卜杜拉・买买提')).toMatchObject({ kind: 'NAME', name: '阿卜杜拉·买买提' });
    expect(classifySearch('阿卜杜拉.买买提')).toMatchObject({ kind: 'NAME', name: '阿卜杜拉·买买提' });
  });

  it('keeps one character, five or more, and anything not Chinese as employer-name fragments only', () => {
    for (const q of ['张', '上海鹭鸶湾', '华为a', 'Zhang San', '张三3'])
      expect(classifySearch(q)).toMatchObject({ kind: 'EMPLOYER_NAME', fragment: q });
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (q) => {
        fc.pre(!/\p{Script=Han}/u.test(q));
        return classifySearch(q).kind !== 'NAME';
      }),
    );
  });

  it('normalises a name idempotently, without spaces, middle dots unified', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const n = normalisePersonName(s);
        expect(normalisePersonName(n)).toBe(n);
        expect(n).not.toMatch(/\s/u);
      }),
    );
    expect(normalisePersonName(' 买买提 •艾力\u3000')).toBe('买买提·艾力');
  });

  it('refuses control characters (NUL) in a query', () => {
    expect(SEARCH_QUERY_PATTERN.test('张\u0000三')).toBe(false);
    expect(SEARCH_QUERY_PATTERN.test('\u0000')).toBe(false);
    expect(SEARCH_QUERY_PATTERN.test('张\u3000三')).toBe(true);
  });
});
