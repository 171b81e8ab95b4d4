import { sms } from 'tencentcloud-sdk-nodejs-sms';
import type {
  SendSmsRequest,
  SendSmsResponse,
} from 'tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_models';
import type { SmsConfig } from '../../config/sms-config';
import type { SmsMessage, SmsSender } from '../sms-sender';
import { providerFailure, sdkFailure } from './provider-failure';

const API = 'tencent SendSms';

type TencentConfig = Extract<SmsConfig, { provider: 'tencent' }>;

/** The part of the SMS client the adapter uses (a test stubs it: no network). */
export interface TencentSmsClient {
  SendSms(request: SendSmsRequest): Promise<SendSmsResponse>;
}

/** Codes that name the message itself as unsendable (number, content): a retry cannot help. */
const PERMANENT = new Set([
  'InvalidParameterValue.IncorrectPhoneNumber',
  'FailedOperation.PhoneNumberInBlacklist',
  'FailedOperation.PhoneNumberParseFail',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter',
  'InvalidParameterValue.TemplateParameterLengthLimit',
]);

/** E.164 for a mainland number (the platform stores 11 digits); a number already in + form is kept. */
function e164(phone: string): string {
  return phone.startsWith('+') ? phone : `+86${phone}`;
}

/**
 * Tencent Cloud SMS (API 2021-01-11) through the official SDK: SendSms with the SDK app id, the signature, the
 * catalogue template's provider id, the variables in the template's declared order (TemplateParamSet is
 * positional: {1}, {2}...), and the notification row id as SessionContext. A status other than "Ok" throws (so
 * the job retries), a permanent refusal as PermanentSmsError. No lookup by out-id (see AliyunSmsSender).
 */
export class TencentSmsSender implements SmsSender {
  private readonly client: TencentSmsClient;

  constructor(
    private readonly config: TencentConfig,
    client?: TencentSmsClient,
  ) {
    this.client =
      client ??
      new sms.v20210111.Client({
        credential: { secretId: config.secretId, secretKey: config.secretKey },
        region: config.region,
        profile: { httpProfile: { endpoint: config.endpoint } },
      });
  }

  /** The request for one message (pure; the unit test checks it). */
  request(m: SmsMessage): SendSmsRequest {
    return {
      PhoneNumberSet: [e164(m.phone)],
      SmsSdkAppId: this.config.sdkAppId,
      SignName: this.config.signName,
      TemplateId: this.config.templateIds[m.template],
      TemplateParamSet: m.rendered.ordered,
      SessionContext: m.outId,
    };
  }

  async send(m: SmsMessage): Promise<{ messageId: string }> {
    let res: SendSmsResponse;
    try {
      res = await this.client.SendSms(this.request(m));
    } catch (e) {
      throw sdkFailure(API, PERMANENT, e);
    }
    const status = res.SendStatusSet?.[0];
    if (status?.Code === 'Ok' && status.SerialNo) return { messageId: status.SerialNo };
    throw providerFailure(API, PERMANENT, status?.Code ?? 'NO_STATUS', status?.Message);
  }
}
