import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderErrorDocs } from '../../scripts/write-error-docs';

describe('docs/errors.md', () => {
  it('lists every catalogued code as the tables say (regenerate: npm run docs:errors)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'errors.md'), 'utf8');
    expect(committed).toBe(renderErrorDocs());
  });
});
