import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { SmsConfig } from '../../config/sms-config';
import type { SmsMessage, SmsSender } from '../sms-sender';
import { providerFailure, sdkFailure } from './provider-failure';

const API = 'aliyun SendSms';

type AliyunConfig = Extract<SmsConfig, { provider: 'aliyun' }>;

/** The part of the dysmsapi client the adapter uses (a test stubs it: no network). */
export interface AliyunSmsClient {
  sendSms(request: SendSmsRequest): Promise<{ body?: { code?: string; message?: string; bizId?: string } }>;
}

/** Codes that name the message itself as unsendable (number, content): a retry cannot help. */
const PERMANENT = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.PARAM_LENGTH_LIMIT',
]);

/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25) through the official SDK: SendSms with the catalogue template's
 * provider code, the variables by name as JSON, and the notification row id as OutId. Anything but Code "OK"
 * throws (so the job retries), a permanent refusal as PermanentSmsError. It cannot look a message up by out-id
 * (QuerySendDetails needs the number and date and answers in pages), so it has no `lookup`.
 */
export class AliyunSmsSender implements SmsSender {
  private readonly client: AliyunSmsClient;

  constructor(
    private readonly config: AliyunConfig,
    client?: AliyunSmsClient,
  ) {
    this.client =
      client ??
      new Dysmsapi(
        new $OpenApiUtil.Config({
          accessKeyId: config.accessKeyId,
          accessKeySecret: config.accessKeySecret,
          endpoint: config.endpoint,
        }),
      );
  }

  /** The request for one message (pure; the unit test checks it). */
  request(m: SmsMessage): SendSmsRequest {
    return new SendSmsRequest({
      phoneNumbers: m.phone,
      signName: this.config.signName,
      templateCode: this.config.templateIds[m.template],
      templateParam: JSON.stringify(m.rendered.params),
      outId: m.outId,
    });
  }

  async send(m: SmsMessage): Promise<{ messageId: string }> {
    let body: { code?: string; message?: string; bizId?: string } | undefined;
    try {
      ({ body } = await this.client.sendSms(this.request(m)));
    } catch (e) {
      throw sdkFailure(API, PERMANENT, e);
    }
    if (body?.code === 'OK' && body.bizId) return { messageId: body.bizId };
    throw providerFailure(API, PERMANENT, body?.code ?? 'NO_CODE', body?.message);
  }
}
