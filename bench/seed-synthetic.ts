import { parseArgs } from 'node:util';
import { isValidIsoDate, todayInShanghai } from '../src/calendar/local-date';
import { SCALES, type ScaleName } from './generator/scales';
import { keptPiiKeys } from '../src/config/kept-secrets';
import { seedSynthetic } from './seed/loader';

const USAGE = `usage: npm run seed:synthetic -- --scale tiny|pudong|shanghai|national [--seed N] [--end YYYY-MM-DD]
       [--complaints N] [--employers N] [--years N] [--database-url URL]
Loads a deterministic synthetic history into an EMPTY migrated database (DATABASE_URL by default).`;

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      seed: { type: 'string', default: '1' },
      end: { type: 'string' },
      complaints: { type: 'string' },
      employers: { type: 'string' },
      years: { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const scale = values.scale as ScaleName;
  if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}\n${USAGE}`);
  const end = values.end ?? todayInShanghai();
  if (!isValidIsoDate(end)) throw new Error('--end must be a date YYYY-MM-DD');
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('set DATABASE_URL or pass --database-url');
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
  const result = await seedSynthetic({
    databaseUrl,
    scale,
    seed,
    end,
    complaints: positiveInt(values.complaints, 'complaints'),
    employers: positiveInt(values.employers, 'employers'),
    years: positiveInt(values.years, 'years'),
    log: (line) => process.stdout.write(`${line}\n`),
    // The key the platform uses on this database: PII_KEY, else the one kept in .data/ (embedded default).
    piiKeys: process.env.PII_KEY ?? keptPiiKeys(process.env.EMBEDDED_PG_DIR ?? '.data/pg'),
  });
  process.stdout.write(`${JSON.stringify({ scale, seed, end, ...result })}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`seed:synthetic failed: ${(err as Error)?.message ?? String(err)}\n`);
    process.exit(1);
  },
);
