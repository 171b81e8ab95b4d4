import { SMS_TEMPLATE_IDS } from '../notifications/templates';

/**
 * The SMS gateway configuration (SMS_PROVIDER and each provider's variables), checked across variables at
 * start-up: the fields themselves are typed in config.schema.ts. Reads the template catalogue (pure data) to check
 * that the provider's template-id map covers every SMS template.
 */
export type SmsProviderName = 'log' | 'aliyun' | 'tencent';

export type SmsConfig =
  | { provider: 'log' }
  | {
      provider: 'aliyun';
      accessKeyId: string;
      accessKeySecret: string;
      signName: string;
      /** dysmsapi endpoint; default dysmsapi.aliyuncs.com */
      endpoint: string;
      templateIds: Readonly<Record<string, string>>;
    }
  | {
      provider: 'tencent';
      secretId: string;
      secretKey: string;
      sdkAppId: string;
      signName: string;
      region: string;
      /** default sms.tencentcloudapi.com */
      endpoint: string;
      templateIds: Readonly<Record<string, string>>;
    };

/** The SMS variables as validated by the schema (all optional there). */
export interface SmsEnvironment {
  NODE_ENV?: string;
  SMS_PROVIDER?: SmsProviderName;
  SMS_SIGN_NAME?: string;
  SMS_TEMPLATE_IDS?: string;
  ALIYUN_SMS_ACCESS_KEY_ID?: string;
  ALIYUN_SMS_ACCESS_KEY_SECRET?: string;
  ALIYUN_SMS_ENDPOINT?: string;
  TENCENT_SMS_SECRET_ID?: string;
  TENCENT_SMS_SECRET_KEY?: string;
  TENCENT_SMS_SDK_APP_ID?: string;
  TENCENT_SMS_REGION?: string;
  TENCENT_SMS_ENDPOINT?: string;
}

const REQUIRED: Record<'aliyun' | 'tencent', (keyof SmsEnvironment)[]> = {
  aliyun: ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_IDS'],
  tencent: [
    'TENCENT_SMS_SECRET_ID',
    'TENCENT_SMS_SECRET_KEY',
    'TENCENT_SMS_SDK_APP_ID',
    'SMS_SIGN_NAME',
    'SMS_TEMPLATE_IDS',
  ],
};

/** One clear line naming the variable (the caller wraps it in its own error type). */
function invalid(name: string, reason: string): Error {
  return new Error(`Invalid environment variable ${name}: ${reason}`);
}

/** SMS_TEMPLATE_IDS: a JSON object mapping every SMS template of the catalogue to the provider's template id. */
export function parseTemplateIds(raw: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid('SMS_TEMPLATE_IDS', 'must be a JSON object {"OTP_SIGN_IN":"<provider template id>",...}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalid('SMS_TEMPLATE_IDS', 'must be a JSON object {"OTP_SIGN_IN":"<provider template id>",...}');
  const map = parsed as Record<string, unknown>;
  const missing = SMS_TEMPLATE_IDS.filter((id) => typeof map[id] !== 'string' || map[id] === '');
  if (missing.length)
    throw invalid('SMS_TEMPLATE_IDS', `has no provider template id for ${missing.join(', ')}`);
  const unknown = Object.keys(map).filter((k) => !(SMS_TEMPLATE_IDS as readonly string[]).includes(k));
  if (unknown.length)
    throw invalid('SMS_TEMPLATE_IDS', `names no SMS template of the catalogue: ${unknown.join(', ')}`);
  return map as Record<string, string>;
}

/**
 * The SMS gateway of this environment; throws one line naming the first missing or bad variable. In production
 * the implicit default (log) is refused: only an explicit SMS_PROVIDER=log logs messages instead of sending them.
 */
export function smsConfigOf(env: SmsEnvironment): SmsConfig {
  const provider = env.SMS_PROVIDER;
  if (provider === undefined && env.NODE_ENV === 'production')
    throw invalid(
      'SMS_PROVIDER',
      'required when NODE_ENV=production (aliyun or tencent; log only if messages must not reach anyone)',
    );
  if (provider === undefined || provider === 'log') return { provider: 'log' };
  const absent = REQUIRED[provider].find((k) => !env[k]);
  if (absent) throw invalid(absent, `required when SMS_PROVIDER=${provider}`);
  const templateIds = parseTemplateIds(env.SMS_TEMPLATE_IDS!);
  if (provider === 'aliyun')
    return {
      provider,
      accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID!,
      accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET!,
      signName: env.SMS_SIGN_NAME!,
      endpoint: env.ALIYUN_SMS_ENDPOINT ?? 'dysmsapi.aliyuncs.com',
      templateIds,
    };
  return {
    provider,
    secretId: env.TENCENT_SMS_SECRET_ID!,
    secretKey: env.TENCENT_SMS_SECRET_KEY!,
    sdkAppId: env.TENCENT_SMS_SDK_APP_ID!,
    signName: env.SMS_SIGN_NAME!,
    region: env.TENCENT_SMS_REGION ?? 'ap-guangzhou',
    endpoint: env.TENCENT_SMS_ENDPOINT ?? 'sms.tencentcloudapi.com',
    templateIds,
  };
}
