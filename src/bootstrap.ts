import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { DEMO_ACCOUNTS, seedDemoAccounts, seedDemoStaff } from './auth/demo-accounts';
import { registerErrorTables } from './common/errors/catalogue';
import { clientErrorHandler, frameworkErrors } from './common/http/framework-errors';
import { registerSecurityHeaders } from './common/http/security-headers';
import {
  closeConnectionsWhenShuttingDown,
  drainConnections,
  OpenConnections,
  ShutdownState,
  stopListening,
} from './common/http/shutdown';
import { createValidationPipe } from './common/http/validation.pipe';
import { createLogger, InFlightRequests, logRequests } from './common/logging';
import { newId, UUID_PATTERN } from './common/ids';
import { PiiCipher } from './common/pii-crypto';
import { buildAppConfig, type AppConfig } from './config/app-config';
import { validateEnvironment } from './config/config.schema';
import { keptJwtSecret, keptPiiKeys } from './config/kept-secrets';
import { provideMigrationPiiKeys } from './database/migration-pii';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './database/embedded-postgres';
import { runMigrationsLocked } from './database/migrate';
import { ERROR_TABLES } from './error-catalogue';
import { setupOpenApi } from './openapi';
import { registerDashboard } from './dashboard/dashboard.static';
import { recordHttpMetrics } from './ops/http-metrics';
import { MetricsService } from './ops/metrics.service';
import type { SmsSender } from './notifications/sms-sender';
import { migrateQueueBackend } from './queue/queue-backend';
import { DEFAULT_DISTRICT_CODE } from './reference/jurisdiction-loader';
import { demoDistrictStaff } from './staff/demo-district';
import { hashPassword } from './auth/passwords';
import { OrganisationsRepository } from './reference/organisations.repository';
import { OrganisationsService } from './reference/organisations.service';
import { JurisdictionsService } from './reference/jurisdictions.service';
import { ReferenceRepository } from './reference/reference.repository';
import { jsonBodyParser } from './common/http/json-body-parser';

export interface ResolvedRuntime {
  config: AppConfig;
  embedded?: EmbeddedPostgresHandle;
}

const log = new Logger('Bootstrap');

/**
 * Validates the environment and, when no DATABASE_URL is given, starts the embedded PostgreSQL.
 * Throws ConfigValidationError with one line naming the bad variable.
 */
export async function resolveRuntime(
  env: Record<string, string | undefined> = process.env,
): Promise<ResolvedRuntime> {
  const vars = validateEnvironment(env);
  if (vars.DATABASE_URL) {
    const secret = vars.JWT_SECRET ?? randomBytes(48).toString('base64url');
    if (!vars.JWT_SECRET)
      log.warn('JWT_SECRET is not set: using a random secret for this process (tokens end with it)');
    // Outside production (validateEnvironment requires PII_KEY there) a key kept under .data/, as embedded.
    if (!vars.PII_KEY) log.warn('PII_KEY is not set: using the key kept in .data/pii-key');
    const piiKeys = vars.PII_KEY ?? keptPiiKeys(vars.EMBEDDED_PG_DIR ?? '.data/pg');
    return { config: buildAppConfig(vars, { databaseUrl: vars.DATABASE_URL, jwtSecret: secret, piiKeys }) };
  }
  const dir = vars.EMBEDDED_PG_DIR ?? '.data/pg';
  const port = vars.EMBEDDED_PG_PORT ?? 54329;
  const started = Date.now();
  const embedded = await startEmbeddedPostgres({ dataDir: dir, port, onNotice: (m) => log.warn(m) });
  log.log(
    `embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${embedded.dataDir}) in ${Date.now() - started} ms`,
  );
  return {
    config: buildAppConfig(vars, {
      databaseUrl: embedded.url,
      jwtSecret: vars.JWT_SECRET ?? keptJwtSecret(dir),
      piiKeys: vars.PII_KEY ?? keptPiiKeys(dir),
    }),
    embedded,
  };
}

/** Migrations (platform and BullMQ), reference data, and the demo accounts where they belong. */
export async function prepareDatabase(config: AppConfig): Promise<void> {
  const ds = new DataSource(dataSourceOptions(config.database.url));
  await ds.initialize();
  try {
    provideMigrationPiiKeys(config.piiKeys);
    const applied = await runMigrationsLocked(ds);
    if (applied.length) log.log(`migrations applied: ${applied.join(', ')}`);
    await migrateQueueBackend(config);
    const { district, streets } = await new JurisdictionsService(ds, new ReferenceRepository()).loadDistrict(
      ds.manager,
      DEFAULT_DISTRICT_CODE,
    );
    const bodies = await new OrganisationsService(new OrganisationsRepository()).ensureDistrict(
      ds.manager,
      district,
      streets,
    );
    log.log(
      `reference data: ${streets.length} street/town units of ${district.name} (${district.code}), ${bodies} public bodies`,
    );
    if (config.seedDemo) {
      const pii = PiiCipher.fromSpec(config.piiKeys);
      const created = await seedDemoAccounts(ds.manager, config.demoPassword, newId, pii);
      if (created.length) log.log(`demo accounts created: ${created.join(', ')}`);
    }
    if (config.seedDemoDistrict) {
      const staff = demoDistrictStaff(district, streets);
      const n = await seedDemoStaff(ds.manager, staff, await hashPassword(config.demoPassword), newId);
      if (n) log.log(`demo district staff created: ${n} accounts (list them with npm run demo:staff)`);
    }
  } finally {
    await ds.destroy();
  }
}

export interface CreateAppOptions {
  logStream?: DestinationStream;
  smsSender?: SmsSender;
}

/** Builds the Nest application (API routes, and the workers when the role says so); does not listen. */
export async function createApp(
  config: AppConfig,
  opts: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  registerErrorTables(ERROR_TABLES);
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : newId();
    },
    forceCloseConnections: 'idle',
    // Errors answered before any route runs, in the one error body too.
    frameworkErrors,
    clientErrorHandler,
  });
  const logger = createLogger(config.logLevel, opts.logStream);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, logger, smsSender: opts.smsSender }),
    adapter,
    {
      bufferLogs: true,
      // Idle keep-alive sockets would hold close() open; in-flight requests are drained first (gracefulClose).
      forceCloseConnections: true,
    },
  );
  app.useLogger(app.get(PinoLogger));
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  // Before init, so Nest registers this parser for JSON rather than its default one.
  app.useBodyParser('application/json', { bodyLimit: config.http.bodyLimitBytes }, jsonBodyParser(fastify));
  // Fastify parses text/plain by default: a JSON document sent as text reached validation as a string and was
  // answered "every field missing". No operation takes text; such a body is 415 (as any other unknown type).
  fastify.removeContentTypeParser('text/plain');
  logRequests(fastify, logger);
  recordHttpMetrics(fastify, app.get(MetricsService));
  inFlight.set(app, new InFlightRequests());
  inFlight.get(app)!.attach(fastify);
  openConnections.set(app, new OpenConnections());
  openConnections.get(app)!.attach(app.getHttpServer());
  closeConnectionsWhenShuttingDown(fastify, app.get(ShutdownState));
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('X-Request-Id', req.id);
    done();
  });
  await registerSecurityHeaders(app);
  setupOpenApi(app);
  await registerDashboard(app);
  // No enableShutdownHooks(): main.ts and worker.ts handle SIGTERM/SIGINT themselves, in order.
  await app.init();
  return app;
}

const inFlight = new WeakMap<NestFastifyApplication, InFlightRequests>();
const openConnections = new WeakMap<NestFastifyApplication, OpenConnections>();

/**
 * Graceful stop (SIGTERM): readiness turns 503 at once, the listener stops accepting new connections, requests
 * on open keep-alive connections are still served but answered with `Connection: close` (so each connection
 * closes after its next answer instead of being reset), and everything gets `graceMs` to finish; then Nest's
 * shutdown: the relay stops and workers finish their jobs (beforeApplicationShutdown), connections still idle
 * close, queues and the database pool close (onApplicationShutdown).
 */
export async function gracefulClose(app: NestFastifyApplication, graceMs: number): Promise<void> {
  app.get(ShutdownState).begin();
  stopListening(app.getHttpServer());
  await drainConnections(inFlight.get(app), openConnections.get(app), graceMs);
  await app.close();
}

/** One log line (the one log format, 19.8) naming the demo accounts a newcomer signs in with. */
export function demoAccountsBanner(config: AppConfig): string {
  const accounts = DEMO_ACCOUNTS.map((a) => `${a.username} (${a.role})`).join(', ');
  return `Demo accounts (embedded default only), password ${config.demoPassword}: ${accounts}`;
}

export { UUID_PATTERN };
