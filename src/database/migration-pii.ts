import type { QueryRunner } from 'typeorm';
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

type Row = Record<string, string | null>;

/**
 * Rewrites columns of every row where one of `read` is set (or `where` holds), 1,000 rows a statement, keyset on the uuid `key`:
 * `write[i]` becomes `fn(row)[i]`. The cipher is created only when there is a row to rewrite.
 */
export async function rewritePiiColumns(
  q: QueryRunner,
  t: { table: string; key: string; read: string[]; write: string[]; where?: string },
  fn: (row: Row, cipher: PiiCipher) => (string | null)[],
): Promise<number> {
  let cipher: PiiCipher | undefined;
  let after: string | null = null;
  let done = 0;
  const cols = t.read.map((c) => `"${c}"`).join(', ');
  const anySet = t.where ?? t.read.map((c) => `"${c}" IS NOT NULL`).join(' OR ');
  for (;;) {
    const rows = (await q.query(
      `SELECT "${t.key}"::text AS "__key", ${cols} FROM "${t.table}"
        WHERE (${anySet}) AND ($1::uuid IS NULL OR "${t.key}" > $1::uuid) ORDER BY "${t.key}" LIMIT 1000`,
      [after],
    )) as Row[];
    if (!rows.length) return done;
    cipher ??= migrationPiiCipher();
    const out = rows.map((r) => fn(r, cipher!));
    const sets = t.write.map((c, i) => `"${c}" = v.c${i}`).join(', ');
    const arrays = t.write.map((_, i) => `$${i + 2}::text[]`).join(', ');
    const names = t.write.map((_, i) => `c${i}`).join(', ');
    await q.query(
      `UPDATE "${t.table}" t SET ${sets} FROM unnest($1::uuid[], ${arrays}) AS v(k, ${names})
        WHERE t."${t.key}" = v.k`,
      [rows.map((r) => r.__key), ...t.write.map((_, i) => out.map((o) => o[i]))],
    );
    done += rows.length;
    after = rows[rows.length - 1].__key;
  }
}
