import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The module names in the first column of docs/architecture.md's module table (rows "| `name` | … |"). */
function modulesInTable(): string[] {
  const doc = readFileSync(join(__dirname, '..', 'docs', 'architecture.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Modules'), doc.indexOf('\n## ', doc.indexOf('## Modules') + 1));
  return [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]);
}

describe('docs/architecture.md is true to src/', () => {
  it('names every folder under src/ in its module table, and no folder that is gone', () => {
    const folders = readdirSync(__dirname, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const table = modulesInTable();
    expect(table.length).toBeGreaterThan(10);
    expect(folders.filter((f) => !table.includes(f))).toEqual([]);
    expect(table.filter((m) => !folders.includes(m))).toEqual([]);
  });
});
