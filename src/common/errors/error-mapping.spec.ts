import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
} from '@nestjs/common';
import fc from 'fast-check';
import { ERROR_TABLES } from '../../error-catalogue';
import { AppException, ErrorBody, fieldError, localizedFieldError, withFacts } from './app-exception';
import { registerErrorTables } from './catalogue';
import { COMMON_ERRORS } from './common.errors';
import { toErrorBody } from './error-mapping';

beforeAll(() => registerErrorTables(ERROR_TABLES));

const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;

/** The invariant every error body keeps, whatever was thrown. */
function expectErrorBodyShape(body: ErrorBody): void {
  expect(Number.isInteger(body.statusCode)).toBe(true);
  expect(body.statusCode).toBeGreaterThanOrEqual(400);
  expect(body.statusCode).toBeLessThanOrEqual(599);
  expect(typeof body.code).toBe('string');
  expect(body.code).toMatch(UPPER_SNAKE);
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
}

/** An error as Fastify raises it for a request it could not parse: a `code` and usually a `statusCode`. */
function fastifyError(code: string, message: string, statusCode?: number): Error {
  return Object.assign(new Error(message), { code, ...(statusCode !== undefined ? { statusCode } : {}) });
}

describe('toErrorBody', () => {
  describe('AppException', () => {
    it('passes status, code, message and details through', () => {
      const details = [
        {
          field: 'phone',
          constraint: 'isMainlandMobile',
          constraints: [],
          message: 'must be a mainland mobile number',
        },
      ];
      expect(toErrorBody(AppException.validation(details), 'en')).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: COMMON_ERRORS.VALIDATION_FAILED.en,
        details,
      });
    });

    it('answers the catalogue message in zh-CN by default and in English when asked; the code is the same', () => {
      const err = AppException.notFound('COMPLAINT_NOT_FOUND', 'a note for the log');
      expect(toErrorBody(err)).toEqual({
        statusCode: 404,
        code: 'COMPLAINT_NOT_FOUND',
        message: '投诉不存在',
      });
      expect(toErrorBody(err, 'en')).toEqual({
        statusCode: 404,
        code: 'COMPLAINT_NOT_FOUND',
        message: 'No such complaint',
      });
    });

    it('localizes the messages of field errors made by the validation pipe, and leaves other details as they are', () => {
      const localized = localizedFieldError(
        { field: 'amountFen', constraint: 'isDefined', constraints: ['isDefined'] },
        'amountFen 必填',
        'amountFen is required',
      );
      const plain = { field: 'to', constraint: 'x', constraints: [], message: 'must not be before from' };
      const zh = toErrorBody(AppException.validation([localized, plain]));
      expect(zh.details).toEqual([
        {
          field: 'amountFen',
          constraint: 'isDefined',
          constraints: ['isDefined'],
          message: 'amountFen 必填',
        },
        plain,
      ]);
      const en = toErrorBody(AppException.validation([localized, plain]), 'en');
      expect(en.details).toEqual([
        {
          field: 'amountFen',
          constraint: 'isDefined',
          constraints: ['isDefined'],
          message: 'amountFen is required',
        },
        plain,
      ]);
    });

    it('answers a field error a service built (fieldError) in zh-CN, or in English, naming its constraint', () => {
      const future = fieldError(
        'listedOn',
        'notInFuture',
        'listedOn 不能晚于今天',
        'listedOn must not be in the future',
      );
      const line = withFacts(fieldError('username', 'unique', '该用户名已被使用', 'is already taken'), {
        line: 3,
      });
      const shape = { field: 'listedOn', constraint: 'notInFuture', constraints: ['notInFuture'] };
      expect(toErrorBody(AppException.validation([future])).details).toEqual([
        { ...shape, message: 'listedOn 不能晚于今天' },
      ]);
      expect(toErrorBody(AppException.validation([future]), 'en').details).toEqual([
        { ...shape, message: 'listedOn must not be in the future' },
      ]);
      // Facts added afterwards (a file's line) keep both languages.
      expect(toErrorBody(AppException.badRequest('IMPORT_INVALID', 'x', [line])).details).toEqual([
        {
          field: 'username',
          constraint: 'unique',
          constraints: ['unique'],
          message: '该用户名已被使用',
          line: 3,
        },
      ]);
      expect(toErrorBody(AppException.badRequest('IMPORT_INVALID', 'x', [line]), 'en').details).toMatchObject(
        [{ message: 'is already taken', line: 3 }],
      );
    });

    it('omits details when there are none', () => {
      const body = toErrorBody(AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint'), 'en');
      expect(body).toEqual({ statusCode: 404, code: 'COMPLAINT_NOT_FOUND', message: 'No such complaint' });
      expect(body).not.toHaveProperty('details');
    });

    it('keeps the retry hint of a domain 429', () => {
      expect(
        toErrorBody(AppException.tooManyRequests('OTP_RATE_LIMITED', 'Too many codes', 30), 'en'),
      ).toEqual({
        statusCode: 429,
        code: 'OTP_RATE_LIMITED',
        message: 'Too many codes requested for this number; wait before asking again',
        details: { retryAfterSeconds: 30 },
      });
    });
  });

  describe('HttpException', () => {
    it.each([
      [new NotFoundException('Cannot GET /nowhere'), 404, 'NOT_FOUND'],
      [new UnauthorizedException(), 401, 'UNAUTHENTICATED'],
      [new ForbiddenException(), 403, 'FORBIDDEN'],
      [
        new HttpException('ThrottlerException: Too Many Requests', HttpStatus.TOO_MANY_REQUESTS),
        429,
        'RATE_LIMITED',
      ],
      [new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE'],
      [new BadRequestException('bad'), 400, 'BAD_REQUEST'],
      [new HttpException('teapot', 418), 418, 'HTTP_ERROR'],
      [new HttpException('down', 503), 503, 'SERVICE_UNAVAILABLE'],
      [new InternalServerErrorException(), 500, 'INTERNAL_ERROR'],
    ])('maps %p to %i %s', (err, statusCode, code) => {
      const body = toErrorBody(err);
      expect(body.statusCode).toBe(statusCode);
      expect(body.code).toBe(code);
      expectErrorBodyShape(body);
    });

    it("answers the catalogue message of the status's code, not the framework's English text", () => {
      expect(toErrorBody(new NotFoundException('Cannot GET /nowhere')).message).toBe(
        COMMON_ERRORS.NOT_FOUND.zh,
      );
      expect(toErrorBody(new NotFoundException('Cannot GET /nowhere'), 'en').message).toBe(
        COMMON_ERRORS.NOT_FOUND.en,
      );
      expect(toErrorBody(new HttpException({ message: 'object response' }, 400), 'en').message).toBe(
        COMMON_ERRORS.BAD_REQUEST.en,
      );
    });

    it('uses a fixed message for 429 (no throttler internals)', () => {
      const body = toErrorBody(new HttpException('ThrottlerException: Too Many Requests', 429), 'en');
      expect(body).toEqual({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: 'Too many requests; try again later',
      });
    });

    it("maps terminus's readiness failure (503 with details) to NOT_READY with the details", () => {
      const details = { database: { status: 'down' }, queue: { status: 'up' } };
      const body = toErrorBody(
        new HttpException({ status: 'error', info: {}, error: {}, details }, 503),
        'en',
      );
      expect(body).toEqual({
        statusCode: 503,
        code: 'NOT_READY',
        message: 'A dependency is unavailable',
        details,
      });
    });

    it('falls back to the exception message when the response message is not a string', () => {
      const body = toErrorBody(new BadRequestException(['a must be a string', 'b must be a number']));
      expect(body.statusCode).toBe(400);
      expect(typeof body.message).toBe('string');
    });
  });

  describe("Fastify's request errors", () => {
    it('maps invalid JSON wrapped in an HttpException to 400 MALFORMED_JSON', () => {
      const cause = fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', "Unexpected token 'a'", 400);
      const body = toErrorBody(new BadRequestException('Bad Request', { cause }), 'en');
      expect(body).toEqual({
        statusCode: 400,
        code: 'MALFORMED_JSON',
        message: 'The request body is not valid JSON',
      });
    });

    it('maps a too-large body wrapped in an HttpException to 413 PAYLOAD_TOO_LARGE', () => {
      const cause = fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large', 413);
      const body = toErrorBody(new HttpException('Payload Too Large', 413, { cause }), 'en');
      expect(body).toEqual({
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is too large',
      });
    });

    it.each([
      ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'MALFORMED_JSON'],
      ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'MALFORMED_JSON'],
      ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
      ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'BAD_REQUEST'],
    ])('maps an unwrapped %s to %i %s', (fstCode, statusCode, code) => {
      const body = toErrorBody(fastifyError(fstCode, 'raw fastify text'));
      expect(body.statusCode).toBe(statusCode);
      expect(body.code).toBe(code);
      expect(body.message).not.toBe('raw fastify text');
    });

    it('treats an unknown FST code like any other error', () => {
      expect(toErrorBody(fastifyError('FST_ERR_SOMETHING_ELSE', 'x')).statusCode).toBe(500);
    });

    it('keeps a 4xx status carried by an unknown error object', () => {
      expect(toErrorBody(fastifyError('FST_ERR_SOMETHING_ELSE', 'header too long', 431))).toEqual({
        statusCode: 431,
        code: 'BAD_REQUEST',
        message: COMMON_ERRORS.BAD_REQUEST.zh,
      });
    });
  });

  describe('anything else', () => {
    it('maps a plain Error to 500 INTERNAL_ERROR without leaking its message', () => {
      const err = new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
      const body = toErrorBody(err);
      expect(body).toEqual({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: COMMON_ERRORS.INTERNAL_ERROR.zh,
      });
      expect(JSON.stringify(body)).not.toContain('hunter2');
      expect(JSON.stringify(body)).not.toContain('ECONNREFUSED');
    });

    it('does not trust a 5xx statusCode or message on an unknown error', () => {
      const err = Object.assign(new Error('internal detail'), { statusCode: 502 });
      expect(toErrorBody(err)).toEqual({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: COMMON_ERRORS.INTERNAL_ERROR.zh,
      });
    });

    it.each([undefined, null, 'a string', 42, Symbol('s'), { code: 42 }])('maps %p to 500', (thrown) => {
      expect(toErrorBody(thrown)).toEqual({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: COMMON_ERRORS.INTERNAL_ERROR.zh,
      });
    });

    it('property: for any thrown value, never throws and returns {statusCode 400..599, code, message}', () => {
      fc.assert(
        fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true }), (thrown) => {
          expectErrorBodyShape(toErrorBody(thrown));
        }),
        { numRuns: 1000 },
      );
    });

    it('property: an error-like object with a known-safe code and a 4xx status keeps the shape', () => {
      fc.assert(
        fc.property(
          fc.record({
            code: fc.stringMatching(/^[A-Z0-9_]{1,20}$/),
            statusCode: fc.integer({ min: 400, max: 499 }),
            message: fc.string({ minLength: 1 }),
          }),
          (thrown) => {
            const body = toErrorBody(thrown);
            expect(body.statusCode).toBe(thrown.statusCode);
            expectErrorBodyShape(body);
          },
        ),
      );
    });

    it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])(
      'an error whose code is %p still gets a well-formed body',
      (code) => {
        expectErrorBodyShape(toErrorBody(Object.assign(new Error('x'), { code })));
      },
    );
    it('an HttpException whose cause has code "constructor" still gets a well-formed body', () => {
      const body = toErrorBody(new BadRequestException('Bad Request', { cause: { code: 'constructor' } }));
      expect(body.statusCode).toBe(400);
      expectErrorBodyShape(body);
    });

    it('a 4xx error object with a non-string message still gets a string message', () => {
      expectErrorBodyShape(toErrorBody({ statusCode: 400, message: { nested: true } }));
    });
    it('a 4xx error object with a fractional statusCode still gets an integer status', () => {
      expectErrorBodyShape(toErrorBody({ statusCode: 404.5, message: 'x' }));
    });

    it('property: any HttpException in 400..599 keeps its status and gets an UPPER_SNAKE code', () => {
      fc.assert(
        fc.property(fc.integer({ min: 400, max: 599 }), fc.string({ minLength: 1 }), (status, message) => {
          const body = toErrorBody(new HttpException(message, status));
          expect(body.statusCode).toBe(status);
          expectErrorBodyShape(body);
        }),
      );
    });
  });
});
