import 'reflect-metadata';
import { prepareDatabase, resolveRuntime } from '../src/bootstrap';

/** Migrations + reference data (+ demo accounts when SEED_DEMO=true) on DATABASE_URL, then exit. */
async function main(): Promise<void> {
  const { config } = await resolveRuntime();
  await prepareDatabase(config);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`prepare-db failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
