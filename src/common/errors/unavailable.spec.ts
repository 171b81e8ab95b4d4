import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { toErrorBody } from './error-mapping';
import { isConnectionError } from './unavailable';

describe('isConnectionError (the database is away: 503, not 500)', () => {
  const withCode = (code: string) => Object.assign(new Error('x'), { code });

  it.each(['ECONNREFUSED', 'ECONNRESET', '57P01', '08006', '53300'])(
    'a driver error with code %s',
    (code) => {
      expect(isConnectionError(withCode(code))).toBe(true);
      // as TypeORM wraps it
      expect(isConnectionError(new QueryFailedError('SELECT 1', [], withCode(code)))).toBe(true);
    },
  );

  it.each(['Connection terminated unexpectedly', 'the database system is starting up'])(
    'the message "%s"',
    (m) => {
      expect(isConnectionError(new Error(m))).toBe(true);
    },
  );

  it("TypeORM's QueryRunnerAlreadyReleasedError (the transaction's connection was dropped mid-request)", () => {
    expect(isConnectionError(new QueryRunnerAlreadyReleasedError())).toBe(true);
    // the same through an EntityManager whose runner was released (found by bench:fault pg-stop)
    expect(isConnectionError(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
    expect(toErrorBody(new QueryRunnerAlreadyReleasedError())).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('a constraint violation or a bug is not', () => {
    expect(isConnectionError(withCode('23505'))).toBe(false);
    expect(isConnectionError(new TypeError('x is undefined'))).toBe(false);
  });
});
