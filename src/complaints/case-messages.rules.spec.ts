import fc from 'fast-check';
import {
  CASE_MESSAGE_SMS_WINDOW_MINUTES,
  caseMessageSmsKey,
  caseMessageSmsWindow,
} from './case-messages.rules';

describe('case message SMS windows', () => {
  const windowMs = CASE_MESSAGE_SMS_WINDOW_MINUTES * 60_000;

  it('two replies in one window share the SMS key; the next window has its own', () => {
    const start = new Date(Date.UTC(2026, 11, 7, 2, 10, 0));
    expect(caseMessageSmsWindow(start) * windowMs).toBe(start.getTime());
    const later = new Date(start.getTime() + windowMs - 1);
    expect(caseMessageSmsKey('c', later)).toBe(caseMessageSmsKey('c', start));
    expect(caseMessageSmsKey('c', new Date(start.getTime() + windowMs))).not.toBe(
      caseMessageSmsKey('c', start),
    );
    expect(caseMessageSmsKey('d', start)).not.toBe(caseMessageSmsKey('c', start));
  });

  it('replies within a window of each other fall in at most two windows (at most two texts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: windowMs }), (t, d) => {
        const a = caseMessageSmsWindow(new Date(t));
        const b = caseMessageSmsWindow(new Date(t + d));
        expect(b - a).toBeGreaterThanOrEqual(0);
        expect(b - a).toBeLessThanOrEqual(1);
      }),
    );
  });
});
