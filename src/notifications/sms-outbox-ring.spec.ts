import { SmsOutboxRing } from './sms-outbox-ring';

const entry = (i: number) => ({
  outId: `o${i}`,
  messageId: `m${i}`,
  phone: '13800000000',
  template: 'OTP_SIGN_IN',
  text: `t${i}`,
  sentAt: new Date(i * 1000).toISOString(),
});

describe('SmsOutboxRing', () => {
  it('lists newest first while below capacity', () => {
    const r = new SmsOutboxRing(3);
    expect(r.newestFirst()).toEqual([]);
    r.push(entry(1));
    r.push(entry(2));
    expect(r.newestFirst().map((e) => e.outId)).toEqual(['o2', 'o1']);
  });

  it('keeps only the last `capacity` messages, newest first, and forgets the overwritten ones', () => {
    const r = new SmsOutboxRing(3);
    for (let i = 1; i <= 7; i++) r.push(entry(i));
    expect(r.newestFirst().map((e) => e.outId)).toEqual(['o7', 'o6', 'o5']);
    expect(r.find('o4')).toBeUndefined();
    expect(r.find('o5')?.messageId).toBe('m5');
  });
});
