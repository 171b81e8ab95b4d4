import fc from 'fast-check';
import {
  DEFAULT_MEDIATION_CASE_NUMBER_FORMAT,
  formatForStreet,
  formatMediationCaseNumber,
  streetShortName,
} from './mediation-case-number.rules';

describe('mediation case numbers', () => {
  it('shortens street names as case numbers do', () => {
    expect(streetShortName('陆家嘴街道')).toBe('陆家嘴');
    expect(streetShortName('张江镇')).toBe('张江');
    expect(streetShortName('镇')).toBe('镇');
  });

  it('formats the Pudong style and the default', () => {
    expect(formatMediationCaseNumber('浦{street}人调字〔{year}〕第{n}号', '陆家嘴街道', 2026, 3)).toBe(
      '浦陆家嘴人调字〔2026〕第3号',
    );
    expect(formatMediationCaseNumber(DEFAULT_MEDIATION_CASE_NUMBER_FORMAT, '张江镇', 2027, 12)).toBe(
      '张江人调字〔2027〕第12号',
    );
    expect(() => formatMediationCaseNumber('{street}调字', '张江镇', 2027, 1)).toThrow(RangeError);
    expect(() => formatMediationCaseNumber('{n}', '张江镇', 2027, 0)).toThrow(RangeError);
  });

  it('distinct numbers give distinct case numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        const f = (n: number) =>
          formatMediationCaseNumber('浦{street}人调字〔{year}〕第{n}号', '花木街道', 2026, n);
        return (a === b) === (f(a) === f(b));
      }),
    );
  });

  it('picks the longest configured prefix covering the street', () => {
    const formats = [
      { jurisdictionPrefix: '310115', format: '浦{street}人调字〔{year}〕第{n}号' },
      { jurisdictionPrefix: '310115005', format: '陆调〔{year}〕{n}' },
    ];
    expect(formatForStreet(formats, '310115005')).toBe('陆调〔{year}〕{n}');
    expect(formatForStreet(formats, '310115125')).toBe('浦{street}人调字〔{year}〕第{n}号');
    expect(formatForStreet(formats, '310104001')).toBe(DEFAULT_MEDIATION_CASE_NUMBER_FORMAT);
  });
});
