import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, gracefulClose, prepareDatabase, resolveRuntime } from './bootstrap';
import { ConfigValidationError } from './config/config.schema';
import { EmbeddedPortInUseError } from './database/embedded-postgres';
import { EarlyLogger } from './common/logging';

// One format from the first line on: pino JSON lines, the same as the application's logger once it exists.
const early = new EarlyLogger();

/** The worker process: BullMQ processors and the outbox relay, no HTTP listener. */
async function main(): Promise<void> {
  Logger.overrideLogger(early);
  process.env.PROCESS_ROLE = 'worker';
  const { config, embedded } = await resolveRuntime();
  await prepareDatabase(config);
  const app = await createApp(config);
  const logger = new Logger('Worker');
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: workers finish their jobs, then stop`);
    setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    await gracefulClose(app, config.shutdownGraceMs);
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  logger.log(`worker ready (queue on ${config.queue.backend})`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigValidationError || err instanceof EmbeddedPortInUseError) {
    early.pino.fatal({ context: 'Bootstrap' }, err.message);
    process.exit(78);
  }
  early.pino.fatal({ context: 'Bootstrap', err }, 'worker start-up failed');
  process.exit(1);
});
