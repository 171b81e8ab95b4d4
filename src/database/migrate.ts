import { DataSource } from 'typeorm';

/** Arbitrary constant: "lrp-migrate". Serialises migrations between processes starting together. */
const MIGRATION_LOCK_KEY = 0x6c72706d;

/** Runs pending TypeORM migrations under a session advisory lock; returns the names applied. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
