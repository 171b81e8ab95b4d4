import { COMMON_PASSWORDS } from './common-passwords';

/** Strength rules for a password a person chooses (platform policy, after NIST SP 800-63B §5.1.1.2). */
export const PASSWORD_RULES = {
  /** at least 10 characters */
  minLength: 10,
  /** at most 128 (argon2 hashes anything, but a bound keeps requests small) */
  maxLength: 128,
} as const;

export type PasswordRule = 'MIN_LENGTH' | 'MAX_LENGTH' | 'CONTAINS_USERNAME' | 'COMMON_PASSWORD' | 'REUSED';

export interface PasswordProblem {
  rule: PasswordRule;
  /** The rule in zh-CN, said of the password ("至少 10 个字符"). */
  zh: string;
  message: string;
}

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * Pure: the rules a new password breaks (empty = acceptable). `REUSED` (the same as the current password) is
 * checked by the caller against the stored hash.
 */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const chars = [...password].length;
  if (chars < PASSWORD_RULES.minLength)
    problems.push({
      rule: 'MIN_LENGTH',
      zh: `至少须有 ${PASSWORD_RULES.minLength} 个字符`,
      message: `at least ${PASSWORD_RULES.minLength} characters`,
    });
  if (chars > PASSWORD_RULES.maxLength)
    problems.push({
      rule: 'MAX_LENGTH',
      zh: `不能超过 ${PASSWORD_RULES.maxLength} 个字符`,
      message: `at most ${PASSWORD_RULES.maxLength} characters`,
    });
  const p = normalise(password);
  const u = normalise(username.trim());
  if (u.length > 0 && p.includes(u))
    problems.push({
      rule: 'CONTAINS_USERNAME',
      zh: '不能包含用户名',
      message: 'must not contain the username',
    });
  // A common password stays common with digits or punctuation around it ("password123!").
  const core = p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (COMMON_PASSWORDS.has(p) || (core.length >= 4 && COMMON_PASSWORDS.has(core)) || /^(.)\1+$/u.test(p))
    problems.push({ rule: 'COMMON_PASSWORD', zh: '过于常见，容易被猜中', message: 'is too common' });
  return problems;
}
