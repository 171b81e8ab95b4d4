import { PermanentSmsError } from '../../src/notifications/sms-sender';
import { startTestApp, type TestApp } from '../support/test-app';

/** 13.4: a sign-in code the SMS gateway refuses is never a 500. */
describe('OTP request when the SMS gateway refuses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The (fake) gateway fails the next send with `err`. */
  const failNext = (err: Error) => {
    const original = t.sms.send.bind(t.sms);
    t.sms.send = () => {
      t.sms.send = original;
      return Promise.reject(err);
    };
  };

  it('a number the gateway refuses for good: 400 on the phone field', async () => {
    failNext(new PermanentSmsError('isv.MOBILE_NUMBER_ILLEGAL', 'SendSms isv.MOBILE_NUMBER_ILLEGAL'));
    const res = await t.http().post('/api/v1/auth/otp/request').send({ phone: '13900001111' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'phone' }] });
  });

  it('a gateway that is down: 503 SERVICE_UNAVAILABLE with Retry-After; the next request works', async () => {
    failNext(new Error('SendSms ServiceUnavailable'));
    const res = await t.http().post('/api/v1/auth/otp/request').send({ phone: '13900002222' });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const again = await t.http().post('/api/v1/auth/otp/request').send({ phone: '13900003333' });
    expect(again.status).toBe(202);
  });
});
