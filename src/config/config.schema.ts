import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { parsePiiKeys } from '../common/pii-crypto';
import { smsConfigOf } from './sms-config';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === ''
    ? undefined
    : value === 'true' || value === '1'
      ? true
      : value === 'false' || value === '0'
        ? false
        : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === ''
    ? undefined
    : typeof value === 'string' && /^-?\d+$/.test(value)
      ? Number(value)
      : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/**
 * Every environment variable the platform reads. `.env.example` documents each one and a test checks that
 * docker-compose.yml sets only variables declared here.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  /** PostgreSQL server; unset = embedded PostgreSQL under EMBEDDED_PG_DIR. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Redis server for BullMQ; unset = BullMQ's PostgreSQL backend in the platform database. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^rediss?:\/\/\S*$/, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;

  /** Where evidence is stored: local (FILE_STORAGE_DIR) or s3 (an S3-compatible bucket, S3_*). */
  @IsOptional()
  @IsIn(['local', 's3'])
  FILE_STORAGE_BACKEND?: 'local' | 's3';

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name' })
  S3_BUCKET?: string;

  @IsOptional()
  @IsString()
  S3_REGION?: string;

  /** Endpoint of an S3-compatible service (MinIO, OSS/COS S3 endpoints); unset = AWS. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  S3_FORCE_PATH_STYLE?: boolean;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Where uploaded evidence is stored (local-directory storage). */
  @IsOptional()
  @IsString()
  FILE_STORAGE_DIR?: string;

  @IsOptional()
  @IsString()
  EMBEDDED_PG_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  /** Key prefix of the BullMQ queues on Redis (several deployments can share one Redis). */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,30}$/, { message: 'must be lowercase letters, digits or _' })
  QUEUE_PREFIX?: string;

  /** api = HTTP only; worker = job processors only; all = both in one process (the embedded default). */
  @IsOptional()
  @IsIn(['api', 'worker', 'all'])
  PROCESS_ROLE?: 'api' | 'worker' | 'all';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** `id:base64key[,id:base64key]` (32-byte keys, first = current): personal data at rest (pii-crypto.ts). */
  @IsOptional()
  @IsString()
  PII_KEY?: string;

  /** Idempotency records are purged this long after the first request (idempotency.purge job). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  IDEMPOTENCY_TTL_HOURS?: number;

  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(3600)
  @Max(90 * 86400)
  JWT_REFRESH_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(600)
  OTP_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean;

  /** The demo district's staff (42 mediators, 84 inspectors, 3 arbitrators); default: as SEED_DEMO. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO_DISTRICT?: boolean;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  DEMO_PASSWORD?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  BODY_LIMIT_BYTES?: number;

  /** Attempts per job before it is recorded as failed for good (admins can re-queue it). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  JOB_ATTEMPTS?: number;

  /** First retry delay of the exponential backoff, in ms. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600000)
  JOB_BACKOFF_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  OUTBOX_POLL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120000)
  SHUTDOWN_TIMEOUT_MS?: number;

  /** How long in-flight requests get to finish after SIGTERM before connections are closed. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(110000)
  SHUTDOWN_GRACE_MS?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY?: boolean;

  /** Bearer token GET /metrics requires; unset = the route is open (expose it on the internal network only). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  /** The SMS gateway: aliyun, tencent or log (messages only logged, kept for GET /admin/sms-outbox). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['log', 'aliyun', 'tencent'])
  SMS_PROVIDER?: 'log' | 'aliyun' | 'tencent';

  /** The approved signature (签名) the provider prepends, e.g. 浦东新区劳动监察. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  SMS_SIGN_NAME?: string;

  /** JSON {"<catalogue template>":"<provider template id>"} covering every SMS template (templates.ts). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  SMS_TEMPLATE_IDS?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  ALIYUN_SMS_ACCESS_KEY_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  ALIYUN_SMS_ACCESS_KEY_SECRET?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[a-z0-9.-]+$/, { message: 'must be a host name (e.g. dysmsapi.aliyuncs.com)' })
  ALIYUN_SMS_ENDPOINT?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TENCENT_SMS_SECRET_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TENCENT_SMS_SECRET_KEY?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^\d+$/, { message: 'must be the numeric SmsSdkAppId' })
  TENCENT_SMS_SDK_APP_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[a-z]+-[a-z-]+$/, { message: 'must be a region such as ap-guangzhou' })
  TENCENT_SMS_REGION?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[a-z0-9.-]+$/, { message: 'must be a host name (e.g. sms.tencentcloudapi.com)' })
  TENCENT_SMS_ENDPOINT?: string;
}

export type EnvKey = keyof EnvironmentVariables;

/** The names of all variables the schema knows (used by the docker-compose consistency test). */
export const KNOWN_ENV_KEYS: readonly EnvKey[] = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'REDIS_URL',
  'EMBEDDED_PG_DIR',
  'FILE_STORAGE_DIR',
  'FILE_STORAGE_BACKEND',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_FORCE_PATH_STYLE',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'EMBEDDED_PG_PORT',
  'QUEUE_PREFIX',
  'PROCESS_ROLE',
  'JWT_SECRET',
  'PII_KEY',
  'IDEMPOTENCY_TTL_HOURS',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'JWT_ACCESS_TTL_SECONDS',
  'JWT_REFRESH_TTL_SECONDS',
  'OTP_TTL_SECONDS',
  'SEED_DEMO',
  'SEED_DEMO_DISTRICT',
  'DEMO_PASSWORD',
  'LOG_LEVEL',
  'BODY_LIMIT_BYTES',
  'OUTBOX_POLL_MS',
  'JOB_ATTEMPTS',
  'JOB_BACKOFF_MS',
  'SHUTDOWN_TIMEOUT_MS',
  'SHUTDOWN_GRACE_MS',
  'TRUST_PROXY',
  'METRICS_TOKEN',
  'SMS_PROVIDER',
  'SMS_SIGN_NAME',
  'SMS_TEMPLATE_IDS',
  'ALIYUN_SMS_ACCESS_KEY_ID',
  'ALIYUN_SMS_ACCESS_KEY_SECRET',
  'ALIYUN_SMS_ENDPOINT',
  'TENCENT_SMS_SECRET_ID',
  'TENCENT_SMS_SECRET_KEY',
  'TENCENT_SMS_SDK_APP_ID',
  'TENCENT_SMS_REGION',
  'TENCENT_SMS_ENDPOINT',
];

export class ConfigValidationError extends Error {}

/** Validates the raw environment; throws one clear line naming the first bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const picked: Record<string, unknown> = {};
  for (const key of KNOWN_ENV_KEYS) if (raw[key] !== undefined) picked[key] = raw[key];
  const env = plainToInstance(EnvironmentVariables, picked);
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    // Decorators apply bottom-up: the last constraint is the first declared (the type check).
    const reason = Object.values(first.constraints ?? {}).at(-1) ?? 'is invalid';
    const shown = /SECRET|PASSWORD|URL|PII_KEY/.test(first.property)
      ? ''
      : ` (got ${JSON.stringify(String(picked[first.property]))})`;
    throw new ConfigValidationError(
      `Invalid environment variable ${first.property}: ${reason.replace(first.property + ' ', '')}${shown}`,
    );
  }
  if (env.FILE_STORAGE_BACKEND === 's3' && !env.S3_BUCKET) {
    throw new ConfigValidationError(
      'Invalid environment variable S3_BUCKET: required when FILE_STORAGE_BACKEND=s3',
    );
  }
  for (const key of ['JWT_SECRET', 'PII_KEY'] as const)
    if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env[key])
      throw new ConfigValidationError(
        `Invalid environment variable ${key}: required when NODE_ENV=production`,
      );
  try {
    if (env.PII_KEY !== undefined) parsePiiKeys(env.PII_KEY);
  } catch (e) {
    throw new ConfigValidationError(`Invalid environment variable PII_KEY: ${(e as Error).message}`);
  }
  try {
    smsConfigOf(env);
  } catch (e) {
    throw new ConfigValidationError((e as Error).message);
  }
  return env;
}
