import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppException } from '../errors/app-exception';
import { CursorQuery, decodeCursor, encodeCursor } from './pagination';

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

describe('CursorQuery.limit from the query string', () => {
  const errorsOf = async (limit: string) => {
    const q = plainToInstance(CursorQuery, { limit });
    return (await validate(q)).flatMap((e) => Object.keys(e.constraints ?? {}));
  };

  it('parses a negative integer as an integer, so `min` refuses it as it refuses 0 (not `isInt`)', async () => {
    expect(await errorsOf('0')).toEqual(['min']);
    expect(await errorsOf('-1')).toEqual(['min']);
    expect(await errorsOf('-20')).toEqual(['min']);
  });

  it('still refuses what is not an integer with `isInt`, and takes 1..100', async () => {
    for (const bad of ['1.5', '-1.5', '--1', '-', 'abc', '1e2', ' 1', '+1'])
      expect(await errorsOf(bad)).toContain('isInt');
    expect(await errorsOf('1')).toEqual([]);
    expect(await errorsOf('100')).toEqual([]);
    expect(await errorsOf('101')).toEqual(['max']);
  });
});
