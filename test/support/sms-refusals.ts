import { PermanentSmsError, type SmsMessage } from '../../src/notifications/sms-sender';
import type { TestApp } from './test-app';

/**
 * Makes the test app's fake gateway refuse messages of the templates in the returned set for good (as Aliyun does an
 * invalid or blacklisted number, isv.MOBILE_NUMBER_ILLEGAL); others are sent as usual. Add templates as a test needs.
 */
export function refuseForGood(t: TestApp): Set<string> {
  const refused = new Set<string>();
  const send = t.sms.send.bind(t.sms);
  jest
    .spyOn(t.sms, 'send')
    .mockImplementation((m: SmsMessage) =>
      refused.has(m.template)
        ? Promise.reject(
            new PermanentSmsError('isv.MOBILE_NUMBER_ILLEGAL', 'aliyun SendSms isv.MOBILE_NUMBER_ILLEGAL'),
          )
        : send(m),
    );
  return refused;
}
