import { fieldError, type FieldError } from '../errors/app-exception';

/** Deepest nesting of objects and arrays a request body or query may have (our DTOs need at most 4). */
export const MAX_BODY_DEPTH = 32;

/**
 * Depth of a parsed JSON value, counted without recursion (a 100,000-level body must not overflow the stack);
 * stops as soon as `limit` is exceeded and returns limit + 1.
 */
export function jsonDepth(value: unknown, limit = MAX_BODY_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max > limit) return limit + 1;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>))
      if (child !== null && typeof child === 'object') stack.push([child, depth]);
  }
  return max;
}

/** An unpaired UTF-16 surrogate: not Unicode text, and PostgreSQL refuses its `\\uD800` escape in jsonb. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What a stored string must not contain, and the field error's wording and constraint name. */
const UNSTORABLE: { test: (s: string) => boolean; what: string; zh: string; constraint: string }[] = [
  {
    test: (s) => s.includes('\u0000'),
    what: 'the NUL character (U+0000)',
    zh: '空字符（U+0000）',
    constraint: 'noNulCharacter',
  },
  {
    test: (s) => LONE_SURROGATE.test(s),
    what: 'a lone UTF-16 surrogate',
    zh: '不成对的 UTF-16 代理字符',
    constraint: 'wellFormedUnicode',
  },
];

/**
 * Every string (and object key) containing U+0000 or an unpaired surrogate, as field errors. PostgreSQL cannot
 * store NUL in text, nor a lone surrogate in jsonb (the audit and event data), so both are refused as invalid
 * input instead of failing the write (the surrogate was a 500 found by the fuzz). `root` names the value (e.g. a
 * path parameter).
 */
export function nulCharacterErrors(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string][] = [[value, root]];
  const join = (p: string, k: string | number) => (p ? `${p}.${k}` : String(k));
  const escape = (k: string) => JSON.stringify(k).slice(1, -1);
  while (stack.length && errors.length < 20) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const bad = UNSTORABLE.find((u) => u.test(v));
      if (bad)
        errors.push(
          fieldError(
            path || 'body',
            bad.constraint,
            `${path || 'body'} 不能包含${bad.zh}`,
            `${path || 'body'} must not contain ${bad.what}`,
          ),
        );
    } else if (Array.isArray(v)) {
      v.forEach((child, i) => stack.push([child, join(path, i)]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        const bad = UNSTORABLE.find((u) => u.test(k));
        if (bad) {
          errors.push(
            fieldError(
              join(path, escape(k)),
              bad.constraint,
              `字段名不能包含${bad.zh}`,
              `field names must not contain ${bad.what}`,
            ),
          );
          continue;
        }
        stack.push([child, join(path, k)]);
      }
    }
  }
  return errors;
}
