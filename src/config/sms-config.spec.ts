import { SMS_TEMPLATE_IDS } from '../notifications/templates';
import { validationError } from '../../test/support/config-errors';
import { buildAppConfig } from './app-config';
import { validateEnvironment } from './config.schema';

const SECRET = 'a'.repeat(32);
/** A provider template id for every SMS template of the catalogue. */
const TEMPLATE_IDS = JSON.stringify(
  Object.fromEntries(SMS_TEMPLATE_IDS.map((id, i) => [id, `SMS_${100 + i}`])),
);

describe('SMS gateway configuration', () => {
  const ALIYUN = {
    SMS_PROVIDER: 'aliyun',
    ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test',
    ALIYUN_SMS_ACCESS_KEY_SECRET: 'aliyun-secret',
    SMS_SIGN_NAME: '浦东劳动维权',
    SMS_TEMPLATE_IDS: TEMPLATE_IDS,
  };
  const TENCENT = {
    SMS_PROVIDER: 'tencent',
    TENCENT_SMS_SECRET_ID: 'AKID-test',
    TENCENT_SMS_SECRET_KEY: 'tencent-secret',
    TENCENT_SMS_SDK_APP_ID: '1400000001',
    SMS_SIGN_NAME: '浦东劳动维权',
    SMS_TEMPLATE_IDS: TEMPLATE_IDS,
  };
  const resolved = {
    databaseUrl: 'postgres://x@y/z',
    jwtSecret: SECRET,
    piiKeys: 'k1:' + Buffer.alloc(32).toString('base64'),
  };
  const sms = (raw: Record<string, string>) => buildAppConfig(validateEnvironment(raw), resolved).sms;

  it('defaults to the logging sender outside production', () => {
    expect(sms({})).toEqual({ provider: 'log' });
    expect(sms({ NODE_ENV: 'development', SMS_PROVIDER: '' })).toEqual({ provider: 'log' });
  });

  it('in production refuses the implicit log default, and allows an explicit SMS_PROVIDER=log', () => {
    expect(validationError({ NODE_ENV: 'production' }).message).toMatch(
      /^Invalid environment variable SMS_PROVIDER: required when NODE_ENV=production/,
    );
    expect(sms({ NODE_ENV: 'production', SMS_PROVIDER: 'log' })).toEqual({ provider: 'log' });
    expect(sms({ NODE_ENV: 'production', ...TENCENT }).provider).toBe('tencent');
  });

  it('refuses an unknown provider', () => {
    expect(validationError({ SMS_PROVIDER: 'twilio' }).message).toMatch(
      /^Invalid environment variable SMS_PROVIDER/,
    );
  });

  it.each(Object.keys(ALIYUN).filter((k) => k !== 'SMS_PROVIDER'))(
    'aliyun needs %s, named in one line',
    (key) => {
      const raw: Record<string, string> = { ...ALIYUN };
      delete raw[key];
      expect(validationError(raw).message).toBe(
        `Invalid environment variable ${key}: required when SMS_PROVIDER=aliyun`,
      );
    },
  );

  it.each(Object.keys(TENCENT).filter((k) => k !== 'SMS_PROVIDER'))(
    'tencent needs %s, named in one line',
    (key) => {
      const raw: Record<string, string> = { ...TENCENT, [key]: '' };
      expect(validationError(raw).message).toBe(
        `Invalid environment variable ${key}: required when SMS_PROVIDER=tencent`,
      );
    },
  );

  it("builds each provider's config with its defaults", () => {
    expect(sms(ALIYUN)).toEqual({
      provider: 'aliyun',
      accessKeyId: 'LTAI-test',
      accessKeySecret: 'aliyun-secret',
      signName: '浦东劳动维权',
      endpoint: 'dysmsapi.aliyuncs.com',
      templateIds: JSON.parse(TEMPLATE_IDS),
    });
    expect(sms({ ...TENCENT, TENCENT_SMS_REGION: 'ap-beijing' })).toMatchObject({
      provider: 'tencent',
      secretId: 'AKID-test',
      secretKey: 'tencent-secret',
      sdkAppId: '1400000001',
      region: 'ap-beijing',
      endpoint: 'sms.tencentcloudapi.com',
    });
  });

  it('SMS_TEMPLATE_IDS must be a JSON object covering every SMS template of the catalogue, and only those', () => {
    expect(validationError({ ...ALIYUN, SMS_TEMPLATE_IDS: 'SMS_1' }).message).toMatch(
      /^Invalid environment variable SMS_TEMPLATE_IDS: must be a JSON object/,
    );
    expect(validationError({ ...ALIYUN, SMS_TEMPLATE_IDS: '["SMS_1"]' }).message).toMatch(
      /must be a JSON object/,
    );
    const partial = JSON.parse(TEMPLATE_IDS) as Record<string, string>;
    delete partial.OTP_SIGN_IN;
    delete partial.COMPLAINT_RECEIVED;
    expect(validationError({ ...ALIYUN, SMS_TEMPLATE_IDS: JSON.stringify(partial) }).message).toBe(
      'Invalid environment variable SMS_TEMPLATE_IDS: has no provider template id for OTP_SIGN_IN, COMPLAINT_RECEIVED',
    );
    const extra = {
      ...(JSON.parse(TEMPLATE_IDS) as Record<string, string>),
      RISK_RED_UNACKNOWLEDGED: 'X',
      NOPE: 'Y',
    };
    expect(validationError({ ...ALIYUN, SMS_TEMPLATE_IDS: JSON.stringify(extra) }).message).toMatch(
      /names no SMS template of the catalogue: .*NOPE/,
    );
  });

  it('never echoes a secret in the error', () => {
    const e = validationError({
      ...TENCENT,
      TENCENT_SMS_SDK_APP_ID: 'abc',
      TENCENT_SMS_SECRET_KEY: 'top-secret-value',
    });
    expect(e.message).toMatch(/TENCENT_SMS_SDK_APP_ID/);
    expect(e.message).not.toMatch(/top-secret-value/);
  });
});
