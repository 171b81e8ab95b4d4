import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { createServer, type AddressInfo, type Server } from 'node:net';
import type { SendSmsRequest as TencentRequest } from 'tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_models';
import { PermanentSmsError, SmsInDoubtError, smsMessage } from '../sms-sender';
import { SMS_TEMPLATE_IDS } from '../templates';
import { AliyunSmsSender } from './aliyun-sms-sender';
import { createSmsSender } from './create-sms-sender';
import { TencentSmsSender } from './tencent-sms-sender';

const templateIds = Object.fromEntries(SMS_TEMPLATE_IDS.map((id, i) => [id, `T${1000 + i}`]));
const OUT_ID = '0192f5a0-0000-7000-8000-000000000001';
// Three variables of three kinds: positional order and formatting both show.
const message = smsMessage(OUT_ID, '13912345678', 'MEDIATION_SESSION_SCHEDULED', {
  trackingNo: 'TS-2026-0000001-9',
  startsAt: '2026-12-03T02:30:00Z',
  place: '陆家嘴街道调解室',
});

const aliyunConfig = {
  provider: 'aliyun' as const,
  accessKeyId: 'id',
  accessKeySecret: 'secret',
  signName: '浦东劳动维权',
  endpoint: 'dysmsapi.aliyuncs.com',
  templateIds,
};
const tencentConfig = {
  provider: 'tencent' as const,
  secretId: 'sid',
  secretKey: 'skey',
  sdkAppId: '1400000001',
  signName: '浦东劳动维权',
  region: 'ap-guangzhou',
  endpoint: 'sms.tencentcloudapi.com',
  templateIds,
};

describe('AliyunSmsSender', () => {
  function withReply(reply: () => Promise<{ body?: Record<string, string> }>) {
    const requests: SendSmsRequest[] = [];
    const sender = new AliyunSmsSender(aliyunConfig, {
      sendSms: (r) => {
        requests.push(r);
        return reply();
      },
    });
    return { sender, requests };
  }

  it('sends SendSmsRequest with number, sign, template code, named variables as JSON and the row id as OutId', async () => {
    const { sender, requests } = withReply(() =>
      Promise.resolve({ body: { code: 'OK', bizId: '900619746936498440^0', message: 'OK' } }),
    );
    await expect(sender.send(message)).resolves.toEqual({ messageId: '900619746936498440^0' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toBeInstanceOf(SendSmsRequest);
    expect(requests[0]).toMatchObject({
      phoneNumbers: '13912345678',
      signName: '浦东劳动维权',
      templateCode: templateIds.MEDIATION_SESSION_SCHEDULED,
      outId: OUT_ID,
    });
    expect(JSON.parse(requests[0].templateParam!)).toEqual({
      trackingNo: 'TS-2026-0000001-9',
      startsAt: '2026-12-03 10:30',
      place: '陆家嘴街道调解室',
    });
  });

  it('a non-OK code throws so the job retries; an invalid number throws PermanentSmsError', async () => {
    await expect(
      withReply(() =>
        Promise.resolve({ body: { code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发流控' } }),
      ).sender.send(message),
    ).rejects.toThrow(/isv.BUSINESS_LIMIT_CONTROL/);
    const bad = withReply(() =>
      Promise.resolve({ body: { code: 'isv.MOBILE_NUMBER_ILLEGAL', message: '非法手机号' } }),
    );
    await expect(bad.sender.send(message)).rejects.toBeInstanceOf(PermanentSmsError);
    const thrown = withReply(() =>
      Promise.reject(Object.assign(new Error('boom'), { code: 'isv.MOBILE_NUMBER_ILLEGAL' })),
    );
    await expect(thrown.sender.send(message)).rejects.toBeInstanceOf(PermanentSmsError);
    // A connection that was never made: the message cannot have reached the provider, a retry sends it.
    const refused = withReply(() =>
      Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' })),
    );
    const notSent = await refused.sender.send(message).catch((e: unknown) => e);
    expect(notSent).not.toBeInstanceOf(PermanentSmsError);
    expect(notSent).not.toBeInstanceOf(SmsInDoubtError);
    // A connection reset after the request went out: SendSms may have been taken (it is not idempotent).
    for (const code of ['ECONNRESET', 'EPIPE'])
      await expect(
        withReply(() => Promise.reject(Object.assign(new Error(`read ${code}`), { code }))).sender.send(
          message,
        ),
      ).rejects.toBeInstanceOf(SmsInDoubtError);
    await expect(
      withReply(() => Promise.reject(new Error('socket hang up'))).sender.send(message),
    ).rejects.toBeInstanceOf(SmsInDoubtError);
  });

  describe('the real SDK against a server that took the request', () => {
    let server: Server;
    let requests = 0;
    let endpoint = '';
    /** Each request is read, then answered per `answer`: never, or by dropping the connection. */
    let answer: 'never' | 'drop' = 'never';
    beforeAll(async () => {
      server = createServer((socket) => {
        socket.once('data', () => {
          requests++;
          if (answer === 'drop') socket.destroy();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((r) => server.close(r));
    });
    const sender = (timeouts: { connectTimeout?: number; readTimeout?: number }) =>
      new AliyunSmsSender(
        aliyunConfig,
        new Dysmsapi(
          new $OpenApiUtil.Config({
            accessKeyId: 'id',
            accessKeySecret: 'secret',
            endpoint,
            protocol: 'http',
            ...timeouts,
          }),
        ),
      );

    it.each([
      ['a read timeout', 'never', { readTimeout: 300 }],
      // httpx's "ConnectTimeout" is the socket's idle timeout: it also fires after the request was written.
      [
        'the SDK\'s "ConnectTimeout" after the request was written',
        'never',
        { connectTimeout: 300, readTimeout: 5000 },
      ],
      ['a dropped connection (socket hang up)', 'drop', {}],
    ] as const)('%s leaves the message in doubt, never to be resent blindly', async (_, how, timeouts) => {
      answer = how;
      const before = requests;
      const err = await sender(timeouts)
        .send(message)
        .catch((e: unknown) => e as Error);
      expect(requests).toBe(before + 1);
      expect(err).toBeInstanceOf(SmsInDoubtError);
      expect((err as Error).message).not.toMatch(/13912345678|PhoneNumbers=/);
    });
  });
  it('a network error of the real SDK keeps its code but not the request URL, the number or the variables', async () => {
    // The official client against a closed port: httpx appends "POST https://127.0.0.1:1/?…&PhoneNumbers=…" to it.
    const sender = new AliyunSmsSender({ ...aliyunConfig, endpoint: '127.0.0.1:1' });
    const err = await sender.send(message).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/ECONNREFUSED/);
    expect(err?.message).not.toMatch(/13912345678|PhoneNumbers=|TemplateParam|OutId|陆家嘴|%E9%99%86/);
  });

  it('redacts a number the provider puts in its own message', async () => {
    const reply = withReply(() =>
      Promise.reject(Object.assign(new Error('号码 +8613912345678 不合法'), { code: 'isv.X' })),
    );
    await expect(reply.sender.send(message)).rejects.toThrow(
      'aliyun SendSms isv.X: 号码 +86139****5678 不合法',
    );
  });
});

describe('TencentSmsSender', () => {
  function withReply(reply: () => Promise<{ SendStatusSet?: Record<string, string>[] }>) {
    const requests: TencentRequest[] = [];
    const sender = new TencentSmsSender(tencentConfig, {
      SendSms: (r) => {
        requests.push(r);
        return reply();
      },
    });
    return { sender, requests };
  }

  it('sends SendSms with +86 number, app id, sign, template id, variables in declared order and the row id as SessionContext', async () => {
    const { sender, requests } = withReply(() =>
      Promise.resolve({ SendStatusSet: [{ Code: 'Ok', SerialNo: '5000:1045710669157053657849499619' }] }),
    );
    await expect(sender.send(message)).resolves.toEqual({ messageId: '5000:1045710669157053657849499619' });
    expect(requests).toEqual([
      {
        PhoneNumberSet: ['+8613912345678'],
        SmsSdkAppId: '1400000001',
        SignName: '浦东劳动维权',
        TemplateId: templateIds.MEDIATION_SESSION_SCHEDULED,
        TemplateParamSet: ['TS-2026-0000001-9', '2026-12-03 10:30', '陆家嘴街道调解室'],
        SessionContext: OUT_ID,
      },
    ]);
  });

  it('a status other than Ok throws so the job retries; an incorrect number throws PermanentSmsError', async () => {
    await expect(
      withReply(() =>
        Promise.resolve({ SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit' }] }),
      ).sender.send(message),
    ).rejects.toThrow(/PhoneNumberDailyLimit/);
    await expect(withReply(() => Promise.resolve({})).sender.send(message)).rejects.toThrow(/NO_STATUS/);
    const bad = withReply(() =>
      Promise.resolve({ SendStatusSet: [{ Code: 'InvalidParameterValue.IncorrectPhoneNumber' }] }),
    );
    await expect(bad.sender.send(message)).rejects.toBeInstanceOf(PermanentSmsError);
    const thrown = withReply(() =>
      Promise.reject(Object.assign(new Error('x'), { code: 'FailedOperation.PhoneNumberInBlacklist' })),
    );
    await expect(thrown.sender.send(message)).rejects.toBeInstanceOf(PermanentSmsError);
  });
});

describe('createSmsSender', () => {
  it('builds the sender SMS_PROVIDER names (the SDK clients are made without network)', () => {
    expect(createSmsSender({ provider: 'log' }).constructor.name).toBe('LoggingSmsSender');
    expect(createSmsSender(aliyunConfig)).toBeInstanceOf(AliyunSmsSender);
    expect(createSmsSender(tencentConfig)).toBeInstanceOf(TencentSmsSender);
  });
});
