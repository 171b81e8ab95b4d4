import fc from 'fast-check';
import { validationError } from '../../test/support/config-errors';
import { buildAppConfig } from './app-config';
import { SMS_TEMPLATE_IDS } from '../notifications/templates';
import {
  ConfigValidationError,
  EnvironmentVariables,
  KNOWN_ENV_KEYS,
  validateEnvironment,
} from './config.schema';

const SECRET = 'a'.repeat(32);
const PII_KEY = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
/** A provider template id for every SMS template of the catalogue. */
const TEMPLATE_IDS = JSON.stringify(
  Object.fromEntries(SMS_TEMPLATE_IDS.map((id, i) => [id, `SMS_${100 + i}`])),
);

/** A complete, valid environment (every key the schema knows). */
const FULL_VALID: Record<string, string> = {
  NODE_ENV: 'production',
  PORT: '8080',
  HOST: '127.0.0.1',
  DATABASE_URL: 'postgres://lrp:pw@db:5432/lrp',
  REDIS_URL: 'redis://redis:6379',
  EMBEDDED_PG_DIR: '/var/lib/lrp/pg',
  FILE_STORAGE_DIR: '/var/lib/lrp/files',
  FILE_STORAGE_BACKEND: 's3',
  S3_BUCKET: 'lrp-evidence',
  S3_REGION: 'us-east-1',
  S3_ENDPOINT: 'http://minio:9000',
  S3_FORCE_PATH_STYLE: 'true',
  S3_ACCESS_KEY_ID: 'minio',
  S3_SECRET_ACCESS_KEY: 'minio-secret',
  EMBEDDED_PG_PORT: '54330',
  QUEUE_PREFIX: 'lrp_test',
  PROCESS_ROLE: 'worker',
  JWT_SECRET: SECRET,
  PII_KEY,
  IDEMPOTENCY_TTL_HOURS: '48',
  JWT_ISSUER: 'issuer',
  JWT_AUDIENCE: 'audience',
  JWT_ACCESS_TTL_SECONDS: '600',
  JWT_REFRESH_TTL_SECONDS: '86400',
  OTP_TTL_SECONDS: '120',
  SEED_DEMO: 'false',
  SEED_DEMO_DISTRICT: 'false',
  DEMO_PASSWORD: 'long-enough-password',
  LOG_LEVEL: 'debug',
  BODY_LIMIT_BYTES: '65536',
  OUTBOX_POLL_MS: '250',
  JOB_ATTEMPTS: '3',
  JOB_BACKOFF_MS: '500',
  SHUTDOWN_TIMEOUT_MS: '5000',
  SHUTDOWN_GRACE_MS: '2000',
  TRUST_PROXY: 'true',
  METRICS_TOKEN: 'metrics-token-0123456789',
  SMS_PROVIDER: 'aliyun',
  SMS_SIGN_NAME: '浦东劳动维权',
  SMS_TEMPLATE_IDS: TEMPLATE_IDS,
  ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test',
  ALIYUN_SMS_ACCESS_KEY_SECRET: 'aliyun-secret',
  ALIYUN_SMS_ENDPOINT: 'dysmsapi.aliyuncs.com',
  TENCENT_SMS_SECRET_ID: 'AKID-test',
  TENCENT_SMS_SECRET_KEY: 'tencent-secret',
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_REGION: 'ap-guangzhou',
  TENCENT_SMS_ENDPOINT: 'sms.tencentcloudapi.com',
};

describe('validateEnvironment', () => {
  it('accepts an empty environment', () => {
    const env = validateEnvironment({});
    expect(env).toBeInstanceOf(EnvironmentVariables);
    for (const key of KNOWN_ENV_KEYS) expect(env[key]).toBeUndefined();
  });

  it('the full valid fixture covers every known key', () => {
    expect(Object.keys(FULL_VALID).sort()).toEqual([...KNOWN_ENV_KEYS].sort());
  });

  it('accepts a full valid environment and converts numbers and booleans', () => {
    const env = validateEnvironment(FULL_VALID);
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      PORT: 8080,
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://lrp:pw@db:5432/lrp',
      REDIS_URL: 'redis://redis:6379',
      EMBEDDED_PG_PORT: 54330,
      QUEUE_PREFIX: 'lrp_test',
      PROCESS_ROLE: 'worker',
      JWT_SECRET: SECRET,
      JWT_ACCESS_TTL_SECONDS: 600,
      JWT_REFRESH_TTL_SECONDS: 86400,
      OTP_TTL_SECONDS: 120,
      SEED_DEMO: false,
      LOG_LEVEL: 'debug',
      BODY_LIMIT_BYTES: 65536,
      OUTBOX_POLL_MS: 250,
      JOB_ATTEMPTS: 3,
      JOB_BACKOFF_MS: 500,
      SHUTDOWN_TIMEOUT_MS: 5000,
      SHUTDOWN_GRACE_MS: 2000,
      TRUST_PROXY: true,
    });
  });

  it('accepts postgresql:// and rediss:// URLs and 1/0 booleans', () => {
    const env = validateEnvironment({
      DATABASE_URL: 'postgresql://db/lrp',
      REDIS_URL: 'rediss://cache:6380',
      SEED_DEMO: '1',
      TRUST_PROXY: '0',
    });
    expect(env).toMatchObject({ SEED_DEMO: true, TRUST_PROXY: false });
  });

  it('ignores unknown variables', () => {
    const env = validateEnvironment({
      PATH: '/usr/bin',
      FOO: 'not validated',
      npm_config_x: '1',
      PORT: '3001',
    });
    expect(env.PORT).toBe(3001);
    expect(env).not.toHaveProperty('PATH');
    expect(env).not.toHaveProperty('FOO');
    expect(env).not.toHaveProperty('npm_config_x');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['JWT_SECRET', 'too-short-secret'],
    ['SEED_DEMO', 'maybe'],
    ['PROCESS_ROLE', 'both'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['QUEUE_PREFIX', 'Has-Dash'],
    ['DEMO_PASSWORD', 'short'],
    ['JWT_ACCESS_TTL_SECONDS', '59'],
    ['EMBEDDED_PG_PORT', '80'],
    ['TRUST_PROXY', 'yes'],
  ])('rejects %s=%s with one line naming the variable', (key, value) => {
    const err = validationError({ ...FULL_VALID, [key]: value });
    expect(err.message).toMatch(new RegExp(`^Invalid environment variable ${key}: \\S`));
    expect(err.message).not.toContain('\n');
    // The reason does not repeat the variable name ("PORT: PORT must be ...").
    expect(err.message).not.toContain(`${key}: ${key}`);
  });

  it.each([
    ['PORT', '70000', /must not be greater than 65535/],
    ['DATABASE_URL', 'mysql://x', /must be a postgres:\/\/ URL/],
    ['REDIS_URL', 'http://x', /must be a redis:\/\/ URL/],
    ['JWT_SECRET', 'short', /must be at least 32 characters/],
    ['SEED_DEMO', 'maybe', /boolean/],
    ['PROCESS_ROLE', 'both', /api, worker, all/],
    ['LOG_LEVEL', 'loud', /fatal, error, warn, info, debug, trace, silent/],
  ])('explains what is wrong with %s=%s', (key, value, reason) => {
    expect(validationError({ [key]: value }).message).toMatch(reason);
  });

  it.each([
    ['PORT', 'abc'],
    ['BODY_LIMIT_BYTES', 'x'],
  ])('explains a non-numeric %s=%s as "must be an integer"', (key, value) => {
    expect(validationError({ [key]: value }).message).toMatch(/must be an integer/);
  });

  it('stays on one line when the echoed value contains a line break', () => {
    const message = validationError({ LOG_LEVEL: 'loud\nINFO forged line' }).message;
    expect(message).toMatch(/^Invalid environment variable LOG_LEVEL:/);
    expect(message).not.toContain('\n');
  });

  it('echoes a bad non-secret value to help the operator', () => {
    expect(validationError({ PORT: 'abc' }).message).toContain('(got "abc")');
    expect(validationError({ LOG_LEVEL: 'loud' }).message).toContain('(got "loud")');
  });

  it.each([
    ['JWT_SECRET', 'hunter2-is-my-secret'],
    ['DATABASE_URL', 'mysql://admin:hunter2@db.internal:3306/lrp'],
    ['REDIS_URL', 'http://:hunter2@cache.internal:6379'],
    ['DEMO_PASSWORD', 'hunter2'],
  ])('never echoes the value of %s', (key, value) => {
    const message = validationError({ [key]: value }).message;
    expect(message).toMatch(new RegExp(`^Invalid environment variable ${key}:`));
    expect(message).not.toContain(value);
    expect(message).not.toContain('hunter2');
  });

  it('requires JWT_SECRET in production with an external database', () => {
    const err = validationError({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/lrp' });
    expect(err.message).toMatch(/^Invalid environment variable JWT_SECRET:/);
    expect(err.message).not.toContain('\n');
  });

  it('does not require JWT_SECRET in production when embedded, or outside production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production', SMS_PROVIDER: 'log' })).not.toThrow();
    expect(() =>
      validateEnvironment({ NODE_ENV: 'development', DATABASE_URL: 'postgres://db/lrp' }),
    ).not.toThrow();
    expect(() =>
      validateEnvironment({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/lrp',
        JWT_SECRET: SECRET,
        PII_KEY,
        SMS_PROVIDER: 'log',
      }),
    ).not.toThrow();
  });

  it('requires PII_KEY in production with an external database (fail fast, never a made-up key)', () => {
    const err = validationError({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/lrp',
      JWT_SECRET: SECRET,
      SMS_PROVIDER: 'log',
    });
    expect(err.message).toBe('Invalid environment variable PII_KEY: required when NODE_ENV=production');
  });

  it.each([
    ['k1', /id:base64key/],
    ['k1:' + Buffer.alloc(16, 9).toString('base64'), /must be 32 bytes/],
    [`${PII_KEY},${PII_KEY}`, /listed twice/],
  ])('refuses PII_KEY=%s without echoing the key', (value, reason) => {
    const message = validationError({ PII_KEY: value }).message;
    expect(message).toMatch(/^Invalid environment variable PII_KEY: /);
    expect(message).toMatch(reason);
    expect(message).not.toContain(value.split(':')[1] || '(no key)');
  });

  it('IDEMPOTENCY_TTL_HOURS: an integer from 1 to 2160, default 72', () => {
    expect(validateEnvironment({ IDEMPOTENCY_TTL_HOURS: '24' }).IDEMPOTENCY_TTL_HOURS).toBe(24);
    expect(validationError({ IDEMPOTENCY_TTL_HOURS: '0' }).message).toMatch(/IDEMPOTENCY_TTL_HOURS/);
  });

  it('property: any PORT value is either accepted as an integer in 0..65535 or rejected naming PORT', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100000, max: 100000 }).map(String), fc.string()), (port) => {
        let env: EnvironmentVariables;
        try {
          env = validateEnvironment({ PORT: port });
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigValidationError);
          expect((e as Error).message).toMatch(/^Invalid environment variable PORT:/);
          return;
        }
        if (env.PORT === undefined) {
          expect(port).toBe('');
        } else {
          expect(Number.isInteger(env.PORT)).toBe(true);
          expect(env.PORT).toBeGreaterThanOrEqual(0);
          expect(env.PORT).toBeLessThanOrEqual(65535);
        }
      }),
    );
  });
});

describe('buildAppConfig', () => {
  const resolved = { databaseUrl: 'postgres://embedded/lrp', jwtSecret: SECRET, piiKeys: PII_KEY };
  const build = (raw: Record<string, string>) => buildAppConfig(validateEnvironment(raw), resolved);

  it('runs embedded with everything in one process when there is no DATABASE_URL', () => {
    const config = build({});
    expect(config.embedded).toBe(true);
    expect(config.processRole).toBe('all');
    expect(config.queue.backend).toBe('postgres');
    expect(config.queue.redisUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.database.url).toBe(resolved.databaseUrl);
    expect(config.jwt.secret).toBe(SECRET);
    expect(config.piiKeys).toBe(PII_KEY);
    expect(config.idempotencyTtlHours).toBe(72);
    expect(config.http).toEqual({
      host: '0.0.0.0',
      port: 3000,
      bodyLimitBytes: 256 * 1024,
      trustProxy: false,
    });
  });

  it('with a DATABASE_URL defaults to the api role and does not seed demo data', () => {
    const config = build({ DATABASE_URL: 'postgres://db/lrp' });
    expect(config.embedded).toBe(false);
    expect(config.processRole).toBe('api');
    expect(config.seedDemo).toBe(false);
    expect(build({ DATABASE_URL: 'postgres://db/lrp', SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('with a DATABASE_URL seeds demo data only when SEED_DEMO=true', () => {
    expect(build({ DATABASE_URL: 'postgres://db/lrp', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('seeds the demo district staff with the demo accounts, unless SEED_DEMO_DISTRICT=false', () => {
    expect(build({}).seedDemoDistrict).toBe(true);
    expect(build({ DATABASE_URL: 'postgres://db/lrp' }).seedDemoDistrict).toBe(false);
    expect(build({ DATABASE_URL: 'postgres://db/lrp', SEED_DEMO: 'true' }).seedDemoDistrict).toBe(true);
    expect(
      build({ DATABASE_URL: 'postgres://db/lrp', SEED_DEMO: 'true', SEED_DEMO_DISTRICT: 'false' })
        .seedDemoDistrict,
    ).toBe(false);
    expect(build({ DATABASE_URL: 'postgres://db/lrp', SEED_DEMO_DISTRICT: 'true' }).seedDemoDistrict).toBe(
      false,
    );
  });

  it('honours an explicit PROCESS_ROLE', () => {
    expect(build({ DATABASE_URL: 'postgres://db/lrp', PROCESS_ROLE: 'worker' }).processRole).toBe('worker');
    expect(build({ PROCESS_ROLE: 'api' }).processRole).toBe('api');
  });

  it('uses the Redis backend when REDIS_URL is set', () => {
    const config = build({ DATABASE_URL: 'postgres://db/lrp', REDIS_URL: 'redis://cache:6379' });
    expect(config.queue.backend).toBe('redis');
    expect(config.queue.redisUrl).toBe('redis://cache:6379');
    expect(build({ REDIS_URL: 'redis://cache:6379' }).queue.backend).toBe('redis');
  });

  it('treats an empty REDIS_URL as unset', () => {
    expect(build({ REDIS_URL: '' }).queue.backend).toBe('postgres');
  });

  it('carries the validated values through', () => {
    const config = build(FULL_VALID);
    expect(config).toMatchObject({
      nodeEnv: 'production',
      http: { host: '127.0.0.1', port: 8080, bodyLimitBytes: 65536, trustProxy: true },
      embedded: false,
      embeddedPg: { dir: '/var/lib/lrp/pg', port: 54330 },
      queue: { backend: 'redis', redisUrl: 'redis://redis:6379', prefix: 'lrp_test' },
      processRole: 'worker',
      jwt: { issuer: 'issuer', audience: 'audience', accessTtlSeconds: 600, refreshTtlSeconds: 86400 },
      otpTtlSeconds: 120,
      seedDemo: false,
      demoPassword: 'long-enough-password',
      logLevel: 'debug',
      outboxPollMs: 250,
      shutdownTimeoutMs: 5000,
      shutdownGraceMs: 2000,
    });
  });
});

describe('evidence storage configuration', () => {
  it('FILE_STORAGE_BACKEND=s3 needs S3_BUCKET, named in one line', () => {
    expect(() => validateEnvironment({ FILE_STORAGE_BACKEND: 's3' })).toThrow(
      /^Invalid environment variable S3_BUCKET: required when FILE_STORAGE_BACKEND=s3$/,
    );
    expect(() => validateEnvironment({ FILE_STORAGE_BACKEND: 'ftp' })).toThrow(/FILE_STORAGE_BACKEND/);
    expect(() => validateEnvironment({ FILE_STORAGE_BACKEND: 's3', S3_BUCKET: 'Bad_Bucket' })).toThrow(
      /S3_BUCKET/,
    );
    expect(validateEnvironment({ FILE_STORAGE_BACKEND: 's3', S3_BUCKET: 'lrp-evidence' }).S3_BUCKET).toBe(
      'lrp-evidence',
    );
  });
});
