import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { PreparingClient } from './database/prepared-statements';
import { ENTITIES } from './entities';

// DATE columns are legal calendar dates: keep them as 'YYYY-MM-DD' strings, never local-midnight Date objects.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export function dataSourceOptions(
  url: string,
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // The schema changes only through migrations/.
    synchronize: false,
    migrationsRun: false,
    // A database that cannot be reached fails the request within 5 s (503), instead of queueing it forever. The
    // connections send the texts marked `prepared` as named statements (database/prepared-statements.ts).
    extra: {
      max: 20,
      application_name: 'labor-rights-platform',
      // No JIT compilation on the platform's sessions (a server built with LLVM has it on by default; the embedded
      // one has none): it pays off only for long analytical scans, and here it is dearer than what it saves — the
      // nightly risk features on the pudong set took 6.0-6.7 s with JIT and 0.89-0.94 s without, the SLA
      // recompute's aggregate of the national set 20.6 s and 18.0 s, and a generic plan estimated above
      // jit_above_cost compiles again on every call (bench/README.md, seventeenth pass).
      // An `options` in DATABASE_URL replaces this one.
      options: '-c jit=off',
      connectionTimeoutMillis: 5000,
      Client: PreparingClient,
    },
    ...overrides,
  } as DataSourceOptions;
}
