import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ERROR_TABLES } from './error-catalogue';
import { filesUnder } from '../test/support/source-files';

const SRC = __dirname;
const HELPER_STATUS: Record<string, number> = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  unprocessable: 422,
  tooManyRequests: 429,
};
const CJK = /[\u4e00-\u9fff]/;

const entries = Object.entries(ERROR_TABLES).flatMap(([module, table]) =>
  Object.entries(table).map(([code, entry]) => ({
    module,
    code,
    ...(entry as { status: number; zh: string; en: string }),
  })),
);
const catalogue = new Map(entries.map((e) => [e.code, e]));

/** Every code thrown in src/: `AppException.x('CODE'`, `new AppException(404, 'CODE'`, and id pipes `f('CODE'` that wrap AppException. */
function thrownCodes(): { file: string; code: string; status?: number }[] {
  const found: { file: string; code: string; status?: number }[] = [];
  for (const path of filesUnder(SRC)) {
    const text = readFileSync(path, 'utf8');
    if (!text.includes('AppException')) continue;
    const file = relative(SRC, path);
    for (const m of text.matchAll(/AppException\.(\w+)\(\s*'([A-Z][A-Z0-9_]*)'/g))
      found.push({ file, code: m[2], status: HELPER_STATUS[m[1]] });
    for (const m of text.matchAll(/new AppException\(\s*(\d{3}),\s*'([A-Z][A-Z0-9_]*)'/g))
      found.push({ file, code: m[2], status: Number(m[1]) });
    // Local helpers taking an error code: `const idPipe = (code: ErrorCode) => …`, then `idPipe('X')`.
    for (const h of text.matchAll(/const (\w+) = \(code: ErrorCode/g))
      for (const m of text.matchAll(new RegExp(`\\b${h[1]}\\(\\s*'([A-Z][A-Z0-9_]*)'`, 'g')))
        found.push({ file, code: m[1], status: 404 });
  }
  return found;
}

describe('error catalogue', () => {
  it('declares each code once, UPPER_SNAKE, with an HTTP error status and a zh-CN and an English message', () => {
    const seen = new Map<string, string>();
    for (const e of entries) {
      expect({ code: e.code, declaredBy: seen.get(e.code) }).toEqual({ code: e.code, declaredBy: undefined });
      seen.set(e.code, e.module);
      expect(e.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(e.status >= 400 && e.status <= 599).toBe(true);
      expect({ code: e.code, zhIsChinese: CJK.test(e.zh) }).toEqual({ code: e.code, zhIsChinese: true });
      expect({ code: e.code, en: e.en.trim().length > 0 && e.en !== e.zh }).toEqual({
        code: e.code,
        en: true,
      });
    }
    expect(entries.length).toBeGreaterThan(150);
  });

  it('lists every x.errors.ts table of src/ at the composition root', () => {
    const files = filesUnder(SRC).filter((p) => p.endsWith('.errors.ts'));
    const listed = new Set(Object.values(ERROR_TABLES) as object[]);
    for (const path of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path) as Record<string, unknown>;
      const tables = Object.entries(mod).filter(([name]) => name.endsWith('_ERRORS'));
      expect({ file: relative(SRC, path), tables: tables.length }).toEqual({
        file: relative(SRC, path),
        tables: 1,
      });
      expect({ file: relative(SRC, path), listed: listed.has(tables[0][1] as object) }).toEqual({
        file: relative(SRC, path),
        listed: true,
      });
    }
    expect(files.length).toBe(Object.keys(ERROR_TABLES).length);
  });

  it('has every code thrown anywhere in src/, with the status it is thrown with', () => {
    const thrown = thrownCodes();
    expect(thrown.length).toBeGreaterThan(200);
    const missing = thrown.filter((t) => !catalogue.has(t.code));
    expect(missing).toEqual([]);
    const wrongStatus = thrown
      .filter((t) => t.status !== undefined && catalogue.get(t.code)!.status !== t.status)
      .map(
        (t) => `${t.file}: ${t.code} thrown as ${t.status}, catalogued as ${catalogue.get(t.code)!.status}`,
      );
    expect(wrongStatus).toEqual([]);
  });
});
