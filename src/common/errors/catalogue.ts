import { COMMON_ERRORS } from './common.errors';

/** The languages the API answers in: zh-CN by default, English for `Accept-Language: en`. */
export type Lang = 'zh-CN' | 'en';

/** One error code: its HTTP status and its message in both languages. */
export interface ErrorEntry {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}

export type ErrorTable = Readonly<Record<string, ErrorEntry>>;

/**
 * Every module's error table, by module. A module declares its codes in `x.errors.ts`
 * (`export const X_ERRORS = {...} as const satisfies ErrorTable`) and adds the table here by declaration merging:
 *
 *     declare module '../common/errors/catalogue' { interface ErrorTables { x: typeof X_ERRORS } }
 *
 * so `common` imports no module, yet `ErrorCode` is the union of every declared code and a typo fails tsc.
 * The composition root (`src/error-catalogue.ts`) lists the same tables for the runtime.
 */
export interface ErrorTables {
  common: typeof COMMON_ERRORS;
}

/** Every code any module declares. AppException takes only these. */
export type ErrorCode = { [M in keyof ErrorTables]: keyof ErrorTables[M] & string }[keyof ErrorTables];

const registry = new Map<string, ErrorEntry>(Object.entries(COMMON_ERRORS));

/**
 * Makes the tables' messages available to the error filter (called by the composition root; the common table is
 * always there). A code declared by two tables is a start-up error.
 */
export function registerErrorTables(tables: Readonly<Record<string, ErrorTable>>): void {
  for (const [module, table] of Object.entries(tables))
    for (const [code, entry] of Object.entries(table)) {
      const known = registry.get(code);
      if (known && known !== entry)
        throw new Error(`error code ${code} is declared twice (again by ${module})`);
      registry.set(code, entry);
    }
}

export function errorEntry(code: string): ErrorEntry | undefined {
  return registry.get(code);
}

/** The message of `code` in `lang`; `fallback` only for a code no table declares (a test keeps that from happening). */
export function errorMessage(code: string, lang: Lang, fallback: string): string {
  const entry = registry.get(code);
  if (!entry) return fallback;
  return lang === 'en' ? entry.en : entry.zh;
}

/**
 * The language of an `Accept-Language` header: the first supported language by quality (`en`, `en-US`… → en;
 * `zh`, `zh-CN`… → zh-CN); zh-CN when the header is absent or names neither.
 */
export function preferredLanguage(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'zh-CN';
  const ranges = value
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.split('-')[0];
    if (primary === 'en') return 'en';
    if (primary === 'zh') return 'zh-CN';
  }
  return 'zh-CN';
}
