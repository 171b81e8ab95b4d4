import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DISTRICT_CODE, jurisdictionsOfDistrict } from './reference/jurisdiction-loader';

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

describe('README.md and docs/ name streets by their own codes', () => {
  /** The demo district's streets and towns, as the seed loads them. */
  const streets = jurisdictionsOfDistrict(DEFAULT_DISTRICT_CODE).filter((j) => j.code.length === 9);
  const files = [
    join(__dirname, '..', 'README.md'),
    ...readdirSync(join(__dirname, '..', 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(__dirname, '..', 'docs', f)),
  ];

  it('a line that names a street and gives street codes gives that street’s code', () => {
    expect(streets.find((s) => s.code === '310115016')?.name).toBe('花木街道');
    const mismatches: string[] = [];
    for (const file of files)
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const codes = [...line.matchAll(/\b(\d{9})\b/g)].map((m) => m[1]);
          if (!codes.length) return;
          for (const s of streets)
            if (line.includes(s.name) && !codes.includes(s.code))
              mismatches.push(
                `${file.split('/').slice(-1)[0]}:${i + 1} ${s.name} (${s.code}) beside ${codes.join(', ')}`,
              );
        });
    expect(mismatches).toEqual([]);
  });
});
