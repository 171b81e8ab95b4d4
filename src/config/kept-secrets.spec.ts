import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePiiKeys } from '../common/pii-crypto';
import { keptJwtSecret, keptPiiKeys } from './kept-secrets';

describe('secrets kept by the embedded default', () => {
  it('generates the PII key once in .data/pii-key (mode 600) and returns the same one after a restart', () => {
    const data = mkdtempSync(join(tmpdir(), 'lrp-kept-'));
    const pgDir = join(data, 'pg');
    const first = keptPiiKeys(pgDir);
    expect(parsePiiKeys(first).map((k) => k.id)).toEqual(['k1']);
    expect(readFileSync(join(data, 'pii-key'), 'utf8')).toBe(first);
    expect(statSync(join(data, 'pii-key')).mode & 0o777).toBe(0o600);
    expect(keptPiiKeys(pgDir)).toBe(first);
  });

  it('keeps the JWT secret beside it, a different secret', () => {
    const pgDir = join(mkdtempSync(join(tmpdir(), 'lrp-kept-')), 'pg');
    const jwt = keptJwtSecret(pgDir);
    expect(jwt.length).toBeGreaterThanOrEqual(32);
    expect(keptJwtSecret(pgDir)).toBe(jwt);
    expect(keptPiiKeys(pgDir)).not.toContain(jwt);
  });
});
