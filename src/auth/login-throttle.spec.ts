import { LOGIN_THROTTLE, loginRetryAfter } from './session.service';

describe('the sign-in throttle (per account and address, with a ceiling per account)', () => {
  const count = (failures: number, retryAfter = 60) => ({ failures, retryAfter });
  it('refuses the address that failed 10 times, with its own wait', () => {
    expect(loginRetryAfter({ account: count(10, 500), client: count(10, 30) })).toBe(30);
    expect(loginRetryAfter({ account: count(10), client: count(9) })).toBeNull();
  });
  it('lets another address in until the account itself reached its ceiling', () => {
    const max = LOGIN_THROTTLE.maxAccountFailures;
    expect(max).toBeGreaterThanOrEqual(10 * LOGIN_THROTTLE.maxFailures);
    expect(loginRetryAfter({ account: count(max - 1), client: count(0) })).toBeNull();
    expect(loginRetryAfter({ account: count(max, 42), client: count(0) })).toBe(42);
  });
});
