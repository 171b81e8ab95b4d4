import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from '../../test/support/source-files';
import { LOCKS, lockKey, MIGRATION_LOCK_KEY, SLA_CASE_LOCK_CLASS } from './locks';

const SRC = join(__dirname, '..');

describe('the advisory-lock registry (database/locks.ts)', () => {
  it('one name per lock, each `<module>.<what>` of an existing module', () => {
    const names = Object.values(LOCKS);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(statSync(join(SRC, name.split('.')[0])).isDirectory()).toBe(true);
    }
    expect(lockKey(LOCKS.inspectionCase, 'c1')).toBe('inspection.case:c1');
  });

  it('the numeric families stay what they were (changing the migration key lets two versions migrate at once)', () => {
    expect(MIGRATION_LOCK_KEY).toBe(0x6c72706d);
    expect(SLA_CASE_LOCK_CLASS).toBe(0x51a_0002);
  });

  it('no advisory lock is taken outside the registry: SQL naming pg_*advisory* only in locks.ts or with its keys', () => {
    const outside = filesUnder(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      if (!/pg_(try_)?advisory/.test(text) || file.endsWith('locks.ts')) return [];
      // A file that must write its own statement (a session lock on a dedicated runner, two-key stripes, a lock
      // taken with a read) uses the registry's key constant or `lockKey` of a registered name, never a literal.
      const usesRegistry = /MIGRATION_LOCK_KEY|SLA_CASE_LOCK_CLASS|lockKey\(LOCKS\./.test(text);
      const literalKey = /advisory\w*\(\s*(hashtext\(\s*'|\d)/.test(text);
      return usesRegistry && !literalKey ? [] : [relative(SRC, file)];
    });
    expect(outside).toEqual([]);
  });
});
