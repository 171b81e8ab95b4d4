import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, demoAccountsBanner, gracefulClose, prepareDatabase, resolveRuntime } from './bootstrap';
import { ConfigValidationError } from './config/config.schema';
import { EmbeddedPortInUseError } from './database/embedded-postgres';
import { EarlyLogger } from './common/logging';

// One format from the first line on: pino JSON lines, the same as the application's logger once it exists.
const early = new EarlyLogger();

/**
 * The HTTP API. On the embedded default (no DATABASE_URL) this one process also starts PostgreSQL and runs
 * the job workers, so `npm start` is the whole platform.
 */
async function main(): Promise<void> {
  Logger.overrideLogger(early);
  const startedAt = Date.now();
  const { config, embedded } = await resolveRuntime();
  await prepareDatabase(config);
  const app = await createApp(config);
  const logger = new Logger('Main');
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: stopping (in-flight requests finish, workers finish their jobs)`);
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await gracefulClose(app, config.shutdownGraceMs);
      logger.log('application closed');
      await embedded?.stop();
      logger.log('shutdown complete');
      process.exit(0);
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.http.port, host: config.http.host });
  const url = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  logger.log(
    `ready in ${Date.now() - startedAt} ms at ${url} (role ${config.processRole}, queue on ${config.queue.backend}); API docs at ${url}/api/docs`,
  );
  if (config.embedded && config.seedDemo) logger.log(demoAccountsBanner(config));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigValidationError || err instanceof EmbeddedPortInUseError) {
    early.pino.fatal({ context: 'Bootstrap' }, err.message);
    process.exit(78);
  }
  early.pino.fatal({ context: 'Bootstrap', err }, 'start-up failed');
  process.exit(1);
});
