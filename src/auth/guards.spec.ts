import { runInNewContext } from 'node:vm';
import { Reflector } from '@nestjs/core';
import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import { JwtAuthGuard } from './guards';

describe('JwtAuthGuard.handleRequest', () => {
  const guard = new JwtAuthGuard(new Reflector());

  it('passes the principal through', () => {
    expect(guard.handleRequest(null, { userId: 'u' })).toEqual({ userId: 'u' });
  });

  it('no principal or a bad token is 401 UNAUTHENTICATED', () => {
    expect(() => guard.handleRequest(null, false)).toThrow(AppException);
    expect(() => guard.handleRequest(new Error('jwt malformed'), false)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('the database being away while the account is read is rethrown (503), not a 401 that signs the client out', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(() => guard.handleRequest(refused, false)).toThrow(refused);
    const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    expect(() => guard.handleRequest(starting, false)).toThrow(starting);
    expect(() => guard.handleRequest(new QueryRunnerAlreadyReleasedError(), false)).toThrow(
      QueryRunnerAlreadyReleasedError,
    );
    // An error of another realm (Node's own modules under a VM context, as under Jest) is still the database's.
    const foreign = runInNewContext(
      `Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })`,
    );
    expect(foreign instanceof Error).toBe(false);
    expect(() => guard.handleRequest(foreign, false)).toThrow(
      expect.objectContaining({ code: 'ECONNREFUSED' }),
    );
  });
});
