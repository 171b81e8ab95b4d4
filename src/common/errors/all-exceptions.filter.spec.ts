import { Logger, type ArgumentsHost } from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { AppException } from './app-exception';
import type { ErrorCode } from './catalogue';

/** The filter's own decisions: which 5xx it logs, and the headers it sets (the reply is a recording stand-in). */
describe('AllExceptionsFilter', () => {
  const answer = (exception: unknown) => {
    const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
    const reply = {
      header(name: string, value: string) {
        sent.headers[name] = value;
        return reply;
      },
      status(code: number) {
        sent.status = code;
        return reply;
      },
      send(body: unknown) {
        sent.body = body;
        return reply;
      },
    };
    const host = {
      switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ id: 'req-1', headers: {} }) }),
    } as unknown as ArgumentsHost;
    new AllExceptionsFilter().catch(exception, host);
    return sent;
  };
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('a bug is logged as an unhandled error and answered 500 without its message', () => {
    const sent = answer(new TypeError('x is undefined'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('x is undefined');
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it.each<[ErrorCode, string]>([
    ['SHUTTING_DOWN', 'This process is shutting down'],
    ['NOT_READY', 'not ready'],
    ['SERVICE_UNAVAILABLE', 'database away'],
  ])('a 503 %s the platform answers on purpose is not logged, and says when to retry', (code, message) => {
    const sent = answer(new AppException(503, code, message));
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ statusCode: 503, code });
    expect(sent.headers['Retry-After']).toBe('5');
    expect(logged).not.toHaveBeenCalled();
  });
});
