import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from '../../test/support/source-files';

/** The domain modules audit must never import (lower rooms never ask upper ones: they register with audit). */
const DOMAINS = [
  'arbitration',
  'case-file',
  'complaints',
  'compliance',
  'dashboard',
  'escalation',
  'evidence',
  'filings',
  'inspection',
  'mediation',
  'my',
  'risk',
  'search',
  'sla',
];

const sources = (dir: string): string[] => filesUnder(dir, (p) => p.endsWith('.ts'));

describe('audit is a leaf', () => {
  it('imports no domain module (its listeners register with it instead)', () => {
    const src = join(__dirname, '..');
    const upward = sources(__dirname).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)]
        .map((m) => relative(src, join(file, '..', m[1])).split('/')[0])
        .filter((top) => DOMAINS.includes(top))
        .map((top) => `${relative(src, file)} -> ${top}`),
    );
    expect(upward).toEqual([]);
  });
});
