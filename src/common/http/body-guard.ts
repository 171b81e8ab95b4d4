import type { FieldError } from '../errors/app-exception';

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

/**
 * Every string (and object key) containing U+0000, as field errors. PostgreSQL cannot store NUL in text, so it
 * is refused as invalid input instead of failing the write. `root` names the value (e.g. a path parameter).
 */
export function nulCharacterErrors(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string][] = [[value, root]];
  const join = (p: string, k: string | number) => (p ? `${p}.${k}` : String(k));
  while (stack.length && errors.length < 20) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        errors.push({
          field: path || 'body',
          message: `${path || 'body'} must not contain the NUL character (U+0000)`,
          constraints: ['noNulCharacter'],
        });
    } else if (Array.isArray(v)) {
      v.forEach((child, i) => stack.push([child, join(path, i)]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (k.includes('\u0000')) {
          errors.push({
            field: join(path, k.split('\u0000').join('\\u0000')),
            message: 'field names must not contain the NUL character (U+0000)',
            constraints: ['noNulCharacter'],
          });
          continue;
        }
        stack.push([child, join(path, k)]);
      }
    }
  }
  return errors;
}
