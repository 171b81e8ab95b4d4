import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApp, prepareDatabase, resolveRuntime } from '../src/bootstrap';
import { buildOpenApiDocument } from '../src/openapi';

/** Regenerates the committed openapi.json from the decorators (the drift test compares the two). */
async function main(): Promise<void> {
  process.env.PROCESS_ROLE = 'api';
  const { config, embedded } = await resolveRuntime();
  await prepareDatabase(config);
  const app = await createApp(config);
  writeFileSync('openapi.json', `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  await embedded?.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
