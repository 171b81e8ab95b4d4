import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { districtOrganisations } from '../../src/reference/organisations';
import { copyLine, type CopyValue } from '../generator/copy-format';
import { HistoryGenerator } from '../generator/history';
import { scaleSpec, streetsOf, type ScaleName } from '../generator/scales';
import { PiiCipher } from '../../src/common/pii-crypto';
import { trackingSequenceName } from '../../src/complaints/tracking-sequence';
import { inspectionSequenceName } from '../../src/inspection/inspection-sequences';
import {
  LOAD_ORDER,
  OPTIONAL_COLUMNS,
  OPTIONAL_TABLES,
  TABLE_COLUMNS,
  type TableName,
} from '../generator/tables';

export interface SeedOptions {
  databaseUrl: string;
  scale: ScaleName;
  seed: number;
  /** Last day of the history (YYYY-MM-DD, Asia/Shanghai). */
  end: string;
  complaints?: number;
  employers?: number;
  years?: number;
  log?: (line: string) => void;
  /** The target's PII_KEY (id:base64key[,…]): ID numbers and phones are loaded encrypted, as the app stores them. */
  piiKeys: string;
}

export interface SeedResult {
  rows: Partial<Record<TableName, number>>;
  skipped: TableName[];
  timingsMs: { reference: number; generate: number; copy: number; analyze: number; total: number };
}

/** Buffers COPY text lines for one table into a temporary file (bounded memory, honours backpressure). */
class TableFile {
  rows = 0;
  private buf = '';
  private readonly out: WriteStream;

  /** `keep`: indexes of the generated values whose columns the table has (null: all of them). */
  constructor(
    readonly path: string,
    readonly columns: readonly string[],
    private readonly keep: readonly number[] | null,
  ) {
    this.out = createWriteStream(path);
  }

  add(values: CopyValue[]): void {
    this.buf += copyLine(this.keep ? this.keep.map((i) => values[i]) : values);
    this.rows++;
  }

  async flush(force = false): Promise<void> {
    if (!force && this.buf.length < 1 << 20) return;
    const ok = this.out.write(this.buf);
    this.buf = '';
    if (!ok) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush(true);
    this.out.end();
    await once(this.out, 'finish');
  }
}

/**
 * Loads a synthetic history into an empty, migrated database: reference data for the scale's districts, then
 * every generated table with COPY FROM STDIN in one transaction. A table the schema lacks is skipped
 * (`to_regclass`), so the generator runs against any revision of the schema.
 */
export async function seedSynthetic(o: SeedOptions): Promise<SeedResult> {
  const log = o.log ?? (() => undefined);
  const started = Date.now();
  const spec = scaleSpec(o.scale);
  const { streets, jurisdictions } = streetsOf(spec.districts);
  const client = new Client({ connectionString: o.databaseUrl });
  await client.connect();
  const dir = mkdtempSync(join(tmpdir(), 'lrp-seed-'));
  // Interrupted (Ctrl-C): remove the temporary files, then exit (the open transaction is rolled back).
  const interrupted = () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    const present = new Set<TableName>();
    for (const t of LOAD_ORDER) {
      const { rows } = await client.query<{ r: string | null }>('SELECT to_regclass($1)::text AS r', [t]);
      if (rows[0].r) present.add(t);
    }
    const skipped = LOAD_ORDER.filter((t) => !present.has(t));
    if (!present.has('complaints') || !present.has('employers'))
      throw new Error('the target database is not migrated (no complaints/employers table)');
    const { rows: existing } = await client.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM complaints',
    );
    if (existing[0].n !== '0')
      throw new Error(
        `the target database already holds ${existing[0].n} complaints: seed an empty database`,
      );

    // Reference data: the real streets of the scale's districts and their public bodies.
    let t0 = Date.now();
    await upsertReference(client, jurisdictions, spec.districts);
    const reference = Date.now() - t0;
    log(
      `reference: ${jurisdictions.length} jurisdictions, ${spec.districts.length} districts (${reference} ms)`,
    );

    // Generate every table into a file (one pass over the history, bounded memory).
    t0 = Date.now();
    const gen = new HistoryGenerator({
      seed: o.seed,
      end: o.end,
      years: o.years ?? spec.years,
      complaints: o.complaints ?? spec.complaints,
      employers: o.employers ?? spec.employers,
      streets,
      present: (t) => present.has(t),
      pii: PiiCipher.fromSpec(o.piiKeys),
    });
    const files = new Map<TableName, TableFile>();
    for (const t of [...present]) {
      const cols = await columnsOf(client, t);
      if ('unexpected' in cols) {
        if (!OPTIONAL_TABLES.includes(t))
          throw new Error(`table ${t} lacks the columns ${cols.unexpected.join(', ')}`);
        log(`skipping ${t}: the schema lacks the columns ${cols.unexpected.join(', ')}`);
        present.delete(t);
        skipped.push(t);
        continue;
      }
      files.set(t, new TableFile(join(dir, `${t}.tsv`), cols.columns, cols.keep));
    }
    const emit = (t: TableName, values: CopyValue[]): void => files.get(t)?.add(values);
    const flushAll = async () => {
      for (const f of files.values()) await f.flush();
    };
    gen.emitUsers(emit);
    await flushAll();
    gen.emitEmployers(emit);
    await flushAll();
    for (const day of gen.plan) {
      gen.emitDay(day, emit);
      await flushAll();
    }
    for (const f of files.values()) await f.close();
    const generate = Date.now() - t0;
    log(`generated in ${generate} ms: ${[...files].map(([t, f]) => `${t}=${f.rows}`).join(' ')}`);

    // COPY in foreign-key order, in one transaction.
    t0 = Date.now();
    await client.query('BEGIN');
    // The rows are consistent by construction (foreign-key order, ids from the generator): as a superuser, skip the
    // per-row foreign-key triggers, which took half of the national COPY. Others load with the checks.
    await client.query('SAVEPOINT fk');
    await client
      .query("SET LOCAL session_replication_role = 'replica'")
      .then(() => log('foreign-key triggers off for the load (superuser)'))
      .catch(() => client.query('ROLLBACK TO SAVEPOINT fk'));
    for (const t of LOAD_ORDER) {
      const f = files.get(t);
      if (!f) continue;
      const t1 = Date.now();
      await pipeline(
        createReadStream(f.path),
        client.query(copyFrom(`COPY ${t} (${f.columns.join(', ')}) FROM STDIN`)),
      );
      log(`COPY ${t}: ${f.rows} rows in ${Date.now() - t1} ms`);
    }
    // Tracking numbers continue after the loaded ones (inspection case numbers have their own counter table): a
    // year's first number starts its sequence after the counter (database/yearly-sequence.ts), and a sequence that
    // already exists (a number of that year was taken before the load) is moved past the loaded numbers too.
    for (const [key, last] of gen.trackingCounters) {
      const [prefix, year] = key.split(':');
      if (prefix === 'JC') {
        if (!present.has('inspection_cases')) continue;
        await client.query(
          `INSERT INTO inspection_counters (scope, year, last_value) VALUES ('CASE', $1, $2)
           ON CONFLICT (scope, year) DO UPDATE SET last_value = GREATEST(inspection_counters.last_value, $2)`,
          [Number(year), last],
        );
        await advanceSequence(client, inspectionSequenceName('CASE', Number(year)), last);
      } else {
        await client.query(
          `INSERT INTO tracking_counters (prefix, year, last_value) VALUES ($1, $2, $3)
           ON CONFLICT (prefix, year) DO UPDATE SET last_value = GREATEST(tracking_counters.last_value, $3)`,
          [prefix, Number(year), last],
        );
        await advanceSequence(client, trackingSequenceName(prefix, Number(year)), last);
      }
    }
    await client.query('COMMIT');
    const copy = Date.now() - t0;
    t0 = Date.now();
    // VACUUM as well as ANALYZE: a production database has been vacuumed; freshly COPYed rows have no hint
    // bits and no visibility map yet, so the first job to read them would pay for writing every page again.
    // employer_name_grams is filled by the employers' triggers (migration 1796400001600), not COPYed itself.
    const loaded = [...files.keys(), ...(files.has('employers') ? ['employer_name_grams'] : [])];
    await client.query(`VACUUM (ANALYZE) ${loaded.join(', ')}`);
    const analyze = Date.now() - t0;
    log(`COPY total ${copy} ms, VACUUM ANALYZE ${analyze} ms`);
    const rows: Partial<Record<TableName, number>> = {};
    for (const [t, f] of files) rows[t] = f.rows;
    return { rows, skipped, timingsMs: { reference, generate, copy, analyze, total: Date.now() - started } };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    rmSync(dir, { recursive: true, force: true });
    await client.end();
  }
}

/** If the sequence `name` exists, makes its next number come after `last` (it never goes back). */
async function advanceSequence(client: Client, name: string, last: number): Promise<void> {
  // No row (no setval) when the sequence does not exist; a sequence not yet drawn from has no last_value.
  await client.query(
    `SELECT setval(to_regclass($1), GREATEST($2::bigint, COALESCE(last_value, start_value - 1)))
       FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = $1`,
    [name, last],
  );
}

/**
 * The generated columns the table has. A column of OPTIONAL_COLUMNS the schema lacks is left out; other missing
 * columns are returned as `unexpected` (the generator and the schema disagree).
 */
async function columnsOf(
  client: Client,
  table: TableName,
): Promise<{ columns: string[]; keep: number[] | null } | { unexpected: string[] }> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  const have = new Set(rows.map((r) => r.column_name));
  const generated: readonly string[] = TABLE_COLUMNS[table];
  const missing = generated.filter((c) => !have.has(c));
  const unexpected = missing.filter((c) => !(OPTIONAL_COLUMNS[table] ?? []).includes(c));
  if (unexpected.length) return { unexpected };
  if (!missing.length) return { columns: [...generated], keep: null };
  const keep = generated.flatMap((c, i) => (have.has(c) ? [i] : []));
  return { columns: keep.map((i) => generated[i]), keep };
}

async function upsertReference(
  client: Client,
  jurisdictions: ReturnType<typeof streetsOf>['jurisdictions'],
  districts: readonly string[],
): Promise<void> {
  const chunk = 5000;
  for (let i = 0; i < jurisdictions.length; i += chunk) {
    const part = jurisdictions.slice(i, i + chunk);
    await client.query(
      `INSERT INTO jurisdictions (code, name, level, parent_code)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[])
       ON CONFLICT (code) DO NOTHING`,
      [
        part.map((j) => j.code),
        part.map((j) => j.name),
        part.map((j) => j.level),
        part.map((j) => j.parentCode),
      ],
    );
  }
  const byCode = new Map(jurisdictions.map((j) => [j.code, j]));
  const orgs = districts.flatMap((d) =>
    districtOrganisations(
      { code: d, name: byCode.get(d)!.name },
      jurisdictions.filter((j) => j.parentCode === d && j.level === 'STREET'),
    ),
  );
  for (let i = 0; i < orgs.length; i += chunk) {
    const part = orgs.slice(i, i + chunk);
    await client.query(
      `INSERT INTO organisations (id, name, kind, jurisdiction_code)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[])
       ON CONFLICT (id) DO NOTHING`,
      [
        part.map((x) => x.id),
        part.map((x) => x.name),
        part.map((x) => x.kind),
        part.map((x) => x.jurisdictionCode),
      ],
    );
  }
}
