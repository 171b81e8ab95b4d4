import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERROR_TABLES } from '../../src/error-catalogue';
import { filesUnder } from '../support/source-files';

const SRC = join(__dirname, '..', '..', 'src');
const HELPER = 'common/versioned-transition.ts';

/**
 * One machine code for a stale `version` (audit 2026-12-07: the risk warnings answered VERSION_CONFLICT with
 * `details: {currentVersion}`, every other versioned write STALE_VERSION with `details: {version}`). A client
 * handling optimistic-lock conflicts knows one code, so every version check goes through the one helper.
 */
describe('a stale version has one code: STALE_VERSION (docs/state-machines.md)', () => {
  it('the catalogue has one code for "changed since it was read"', () => {
    const codes = Object.values(ERROR_TABLES).flatMap((table) =>
      Object.entries(table as Record<string, { en: string; zh: string }>)
        .filter(([, e]) => /changed since/i.test(e.en) || /读取后已被修改/.test(e.zh))
        .map(([code]) => code),
    );
    expect(codes).toEqual(['STALE_VERSION']);
  });

  it(`no source compares a version but ${HELPER} (lockVersioned / staleVersion)`, () => {
    const compares = filesUnder(SRC)
      .filter((f) => relative(SRC, f) !== HELPER)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(SRC, f)}:${i + 1}` }))
          .filter(({ line }) => /\bversion\s*!==?|!==?\s*[\w.]*\bversion\b|VERSION_CONFLICT/.test(line))
          .map(({ at }) => at),
      );
    expect(compares).toEqual([]);
  });
});
