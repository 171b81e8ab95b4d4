import { EnvironmentVariables } from './config.schema';
import { smsConfigOf, type SmsConfig } from './sms-config';

/** The typed configuration every module reads (never process.env directly). */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  http: { host: string; port: number; bodyLimitBytes: number; trustProxy: boolean };
  /** true when no DATABASE_URL was given and the platform runs its own embedded PostgreSQL. */
  embedded: boolean;
  database: { url: string };
  embeddedPg: { dir: string; port: number };
  fileStorage:
    | { backend: 'local'; dir: string }
    | {
        backend: 's3';
        dir: string;
        bucket: string;
        region: string;
        endpoint?: string;
        forcePathStyle?: boolean;
        accessKeyId?: string;
        secretAccessKey?: string;
      };
  queue: {
    backend: 'redis' | 'postgres';
    redisUrl?: string;
    prefix: string;
    attempts: number;
    backoffMs: number;
  };
  processRole: 'api' | 'worker' | 'all';
  jwt: {
    secret: string;
    issuer: string;
    audience: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
  };
  otpTtlSeconds: number;
  /** PII_KEY (or the embedded default's .data/pii-key): `id:base64key[,…]`, first = current (pii-crypto.ts). */
  piiKeys: string;
  /** Idempotency records older than this are purged (idempotency.purge). */
  idempotencyTtlHours: number;
  seedDemo: boolean;
  /** Also the demo district's staff (demo-district.ts); only where seedDemo is on. */
  seedDemoDistrict: boolean;
  demoPassword: string;
  logLevel: string;
  outboxPollMs: number;
  shutdownTimeoutMs: number;
  /** After SIGTERM, in-flight requests get this long to finish (below shutdownTimeoutMs). */
  shutdownGraceMs: number;
  /** Bearer token of GET /metrics; null = open (internal network only). */
  metricsToken: string | null;
  /** The SMS gateway (sms-config.ts): log in development, aliyun or tencent in production. */
  sms: SmsConfig;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Builds the typed config from the validated environment. `databaseUrl`, `jwtSecret` and `piiKeys` are passed in
 * by the bootstrap when the embedded default supplies them (PII_KEY wins when set).
 */
export function buildAppConfig(
  env: EnvironmentVariables,
  resolved: { databaseUrl: string; jwtSecret: string; piiKeys: string },
): AppConfig {
  const embedded = !env.DATABASE_URL;
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    http: {
      host: env.HOST ?? '0.0.0.0',
      port: env.PORT ?? 3000,
      bodyLimitBytes: env.BODY_LIMIT_BYTES ?? 256 * 1024,
      trustProxy: env.TRUST_PROXY ?? false,
    },
    embedded,
    database: { url: resolved.databaseUrl },
    embeddedPg: { dir: env.EMBEDDED_PG_DIR ?? '.data/pg', port: env.EMBEDDED_PG_PORT ?? 54329 },
    fileStorage:
      env.FILE_STORAGE_BACKEND === 's3'
        ? {
            backend: 's3',
            dir: env.FILE_STORAGE_DIR ?? '.data/files',
            bucket: env.S3_BUCKET!,
            region: env.S3_REGION ?? 'us-east-1',
            endpoint: env.S3_ENDPOINT,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          }
        : { backend: 'local', dir: env.FILE_STORAGE_DIR ?? '.data/files' },
    queue: {
      backend: env.REDIS_URL ? 'redis' : 'postgres',
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX ?? 'lrp',
      attempts: env.JOB_ATTEMPTS ?? 8,
      backoffMs: env.JOB_BACKOFF_MS ?? 2000,
    },
    processRole: env.PROCESS_ROLE ?? (embedded ? 'all' : 'api'),
    jwt: {
      secret: resolved.jwtSecret,
      issuer: env.JWT_ISSUER ?? 'labor-rights-platform',
      audience: env.JWT_AUDIENCE ?? 'labor-rights-clients',
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS ?? 900,
      refreshTtlSeconds: env.JWT_REFRESH_TTL_SECONDS ?? 30 * 86400,
    },
    otpTtlSeconds: env.OTP_TTL_SECONDS ?? 300,
    piiKeys: env.PII_KEY ?? resolved.piiKeys,
    idempotencyTtlHours: env.IDEMPOTENCY_TTL_HOURS ?? 72,
    seedDemo: env.SEED_DEMO ?? embedded,
    seedDemoDistrict: (env.SEED_DEMO ?? embedded) && (env.SEED_DEMO_DISTRICT ?? true),
    demoPassword: env.DEMO_PASSWORD ?? 'demo-password-1',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    outboxPollMs: env.OUTBOX_POLL_MS ?? 500,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS ?? 15000,
    shutdownGraceMs: Math.min(
      env.SHUTDOWN_GRACE_MS ?? 10000,
      Math.max(0, (env.SHUTDOWN_TIMEOUT_MS ?? 15000) - 2000),
    ),
    metricsToken: env.METRICS_TOKEN ?? null,
    sms: smsConfigOf(env),
  };
}
