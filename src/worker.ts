import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { createApp, gracefulClose, prepareDatabase, resolveRuntime } from './bootstrap';
import { ConfigValidationError } from './config/config.schema';
import { EmbeddedPortInUseError } from './database/embedded-postgres';

/** The worker process: BullMQ processors and the outbox relay, no HTTP listener. */
async function main(): Promise<void> {
  // JSON lines from the first log on (the pino logger takes over once the app exists).
  Logger.overrideLogger(new ConsoleLogger({ json: true }));
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
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`worker start-up failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
