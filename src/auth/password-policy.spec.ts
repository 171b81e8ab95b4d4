import fc from 'fast-check';
import { PASSWORD_RULES, passwordProblems } from './password-policy';

const ascii = fc.stringMatching(/^[ -~]{0,10}$/);
const rules = (p: string, u = 'med-310115007-1') => passwordProblems(p, u).map((x) => x.rule);

describe('passwordProblems', () => {
  it('accepts a long, uncommon password that does not contain the username', () => {
    expect(rules('黄浦江边的晚风-2026')).toEqual([]);
    expect(rules('correct horse battery')).toEqual([]);
  });

  it('names each rule broken', () => {
    expect(rules('short1!')).toEqual(['MIN_LENGTH']);
    expect(rules('x'.repeat(129) + 'y')).toEqual(['MAX_LENGTH']);
    expect(rules('my-med-310115007-1-pass')).toEqual(['CONTAINS_USERNAME']);
    expect(rules('MED-310115007-1!!')).toEqual(['CONTAINS_USERNAME']);
    expect(rules('password123')).toEqual(['COMMON_PASSWORD']);
    expect(rules('1234567890')).toEqual(['COMMON_PASSWORD']);
    expect(rules('!!Password2024')).toEqual(['COMMON_PASSWORD']);
    expect(rules('aaaaaaaaaaaa')).toEqual(['COMMON_PASSWORD']);
    expect(rules('qwerty')).toEqual(['MIN_LENGTH', 'COMMON_PASSWORD']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(rules('劳动维权服务平台密码')).toEqual([]);
    expect(rules('劳动维权服务平台密')).toEqual(['MIN_LENGTH']);
  });

  it('property: anything shorter than the minimum is refused for its length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: PASSWORD_RULES.minLength - 1 }), (p) => {
        fc.pre([...p].length < PASSWORD_RULES.minLength);
        expect(rules(p)).toContain('MIN_LENGTH');
      }),
    );
  });

  it('property: a password containing the username is refused, whatever surrounds it', () => {
    fc.assert(
      fc.property(ascii, fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/), ascii, (a, u, b) => {
        expect(rules(a + u + b, u)).toContain('CONTAINS_USERNAME');
      }),
    );
  });

  it('property: the verdict is deterministic and every problem has a message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 12 }), (p, u) => {
        const a = passwordProblems(p, u);
        expect(passwordProblems(p, u)).toEqual(a);
        for (const x of a) expect(x.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
