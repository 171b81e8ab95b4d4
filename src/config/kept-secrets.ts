import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generatePiiKeySpec } from '../common/pii-crypto';

/**
 * Secrets the embedded default generates once and keeps beside its data directory (`.data/` by default), so that
 * tokens and encrypted personal data survive restarts. Production passes them in the environment instead.
 */
function kept(dataDir: string, name: string, generate: () => string): string {
  const file = join(dirname(resolve(dataDir)), name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, generate(), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process starting at the same moment wrote it first: use theirs.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readFileSync(file, 'utf8').trim();
}

/** The JWT signing secret of the embedded default: `.data/jwt-secret`. */
export function keptJwtSecret(dataDir: string): string {
  return kept(dataDir, 'jwt-secret', () => randomBytes(48).toString('base64url'));
}

/** The personal-data key list of the embedded default: `.data/pii-key` (losing it loses the encrypted data). */
export function keptPiiKeys(dataDir: string): string {
  return kept(dataDir, 'pii-key', () => generatePiiKeySpec('k1'));
}
