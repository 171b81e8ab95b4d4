import { PiiCipher } from '../common/pii-crypto';

let provided: string | undefined;

/** The bootstrap hands the configured key list to migrations that encrypt existing rows. */
export function provideMigrationPiiKeys(spec: string): void {
  provided = spec;
}

/**
 * The cipher a migration encrypts existing personal data with: the keys the bootstrap provided, else PII_KEY
 * (the TypeORM CLI). Asked for only when there are rows to encrypt, so an empty database needs no key.
 */
export function migrationPiiCipher(): PiiCipher {
  const spec = provided ?? process.env.PII_KEY;
  if (!spec)
    throw new Error('PII_KEY must be set to encrypt existing personal data (migration of plaintext rows)');
  return PiiCipher.fromSpec(spec);
}
