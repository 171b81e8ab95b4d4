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
      connectionTimeoutMillis: 5000,
      Client: PreparingClient,
    },
    ...overrides,
  } as DataSourceOptions;
}
