import { EmbeddedPortInUseError, startEmbeddedPostgres } from '../src/database/embedded-postgres';

/**
 * Runs only the embedded PostgreSQL (for the test setup, or to inspect the embedded default with psql):
 * prints "READY <url>" and stops the cluster cleanly on SIGTERM/SIGINT.
 * Usage: node dist/scripts/embedded-pg.js [dataDir] [port]
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? '.data/pg';
  const port = Number(process.argv[3] ?? 54329);
  const pg = await startEmbeddedPostgres({ dataDir, port });
  process.stdout.write(`READY ${pg.url}\n`);
  const stop = () => void pg.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // If the parent goes away (stdin closes), stop too.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((err: unknown) => {
  if (err instanceof EmbeddedPortInUseError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`embedded PostgreSQL failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
