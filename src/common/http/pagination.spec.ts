import { AppException } from '../errors/app-exception';
import { decodeCursor, encodeCursor } from './pagination';

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keyset cursors', () => {
  it('round-trips what the API issues', () => {
    const c = { createdAt: '2026-11-26T06:00:00.123Z', id: '0190c0de-0000-7000-8000-000000000042' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('refuses, as a 400, a cursor it did not issue: its row id must be a uuid before it reaches SQL', () => {
    for (const bad of [
      'not-a-cursor',
      forge(['2026-11-26T06:00:00.123Z', 'x']),
      forge(['2026-11-26T06:00:00.123Z', 42]),
      forge(['yesterday', '0190c0de-0000-7000-8000-000000000042']),
      // Date.parse takes these; PostgreSQL refuses them (a 500 before).
      forge(['1', '0190c0de-0000-7000-8000-000000000042']),
      forge(['Jan 1', '0190c0de-0000-7000-8000-000000000042']),
      forge(['2026-02-30T00:00:00Z', '0190c0de-0000-7000-8000-000000000042']),
      forge({}),
    ]) {
      let thrown: unknown;
      try {
        decodeCursor(bad);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(AppException);
      expect(thrown).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
