import { COMMON_ERRORS } from '../../src/common/errors/common.errors';
import { AUTH_ERRORS } from '../../src/auth/auth.errors';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

/** Error messages: zh-CN by default, English for Accept-Language: en; the code and details are the same. */
describe('error messages in the caller’s language', () => {
  let t: TestApp;
  let worker: string;
  beforeAll(async () => {
    t = await startTestApp();
    worker = await t.token('13800000000');
  });
  afterAll(async () => {
    await t.close();
  });

  const badLogin = (lang?: string) => {
    const req = t.http().post('/api/v1/auth/login');
    if (lang) void req.set('accept-language', lang);
    return req.send({ username: 'mediator', password: 'wrong-password-1' });
  };

  it('answers a domain error in zh-CN when no language is asked for', async () => {
    const res = await badLogin();
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: AUTH_ERRORS.INVALID_CREDENTIALS.zh,
    });
    expect(res.body.message).toBe('用户名或密码错误');
    expect(res.headers['content-language']).toBe('zh-CN');
  });

  it.each(['en', 'en-US,en;q=0.9', 'fr-FR, en;q=0.5, zh;q=0.1'])(
    'answers in English for Accept-Language: %s, with the same code',
    async (header) => {
      const res = await badLogin(header);
      expect(res.body).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'Wrong username or password',
      });
      expect(res.headers['content-language']).toBe('en');
    },
  );

  it.each(['zh-CN', 'zh-TW;q=0.9, en;q=0.8', 'fr', '*'])(
    'answers in zh-CN for Accept-Language: %s',
    async (h) => {
      expect((await badLogin(h)).body.message).toBe(AUTH_ERRORS.INVALID_CREDENTIALS.zh);
    },
  );

  it('localizes framework errors too: an unknown route is 404 NOT_FOUND', async () => {
    const zh = await t.http().get('/api/v1/no-such-route');
    expect(zh.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: COMMON_ERRORS.NOT_FOUND.zh });
    const en = await t.http().get('/api/v1/no-such-route').set('accept-language', 'en');
    expect(en.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: COMMON_ERRORS.NOT_FOUND.en });
  });

  it('names the constraint that failed for each field: a missing field is "required", not its range', async () => {
    const { affectedWorkers: _omitted, ...body } = complaintBody();
    const send = (lang?: string) => {
      const req = t.http().post('/api/v1/complaints').set('authorization', `Bearer ${worker}`);
      if (lang) void req.set('accept-language', lang);
      return req.send({ ...body, claimedAmountFen: 'lots', facts: 'x', unexpected: 1 });
    };
    const zh = await send();
    expect(zh.status).toBe(400);
    expect(zh.body.code).toBe('VALIDATION_FAILED');
    expect(zh.body.message).toBe(COMMON_ERRORS.VALIDATION_FAILED.zh);
    const byField = (details: { field: string }[]) => Object.fromEntries(details.map((d) => [d.field, d]));
    expect(byField(zh.body.details)).toEqual({
      affectedWorkers: {
        field: 'affectedWorkers',
        constraint: 'isDefined',
        constraints: ['isDefined', 'isInt', 'max', 'min'],
        message: 'affectedWorkers 为必填字段，不能缺少',
      },
      claimedAmountFen: {
        field: 'claimedAmountFen',
        constraint: 'isInt',
        constraints: ['isInt', 'max', 'min'],
        message: 'claimedAmountFen 须为整数',
      },
      facts: {
        field: 'facts',
        constraint: 'minLength',
        constraints: ['minLength'],
        message: 'facts 长度不能少于 2 个字符',
      },
      unexpected: {
        field: 'unexpected',
        constraint: 'whitelistValidation',
        constraints: ['whitelistValidation'],
        message: 'unexpected 不是允许的字段',
      },
    });
    const en = await send('en');
    expect(en.body.message).toBe(COMMON_ERRORS.VALIDATION_FAILED.en);
    expect(byField(en.body.details)).toMatchObject({
      affectedWorkers: { constraint: 'isDefined', message: 'affectedWorkers is required' },
      claimedAmountFen: { constraint: 'isInt', message: 'claimedAmountFen must be an integer' },
      facts: { constraint: 'minLength', message: 'facts must be at least 2 characters long' },
      unexpected: { constraint: 'whitelistValidation', message: 'unexpected is not an allowed field' },
    });
  });

  /**
   * Field errors built by services, rules and helpers (not the validation pipe) answer in the caller's language
   * too, each naming its constraint: a date in the future, a cursor the API never issued (the shared keyset
   * paging and a public list's id cursor), `to` before `from`.
   */
  describe('field errors that services build', () => {
    const get = (path: string, query: Record<string, string>, token: string | null, lang?: string) => {
      const req = t.http().get(path).query(query);
      if (token) void req.set('authorization', `Bearer ${token}`);
      if (lang) void req.set('accept-language', lang);
      return req;
    };
    const both = async (
      send: (lang?: string) => PromiseLike<{ status: number; body: { details: unknown } }>,
    ) => {
      const zh = await send();
      const en = await send('en');
      expect([zh.status, en.status]).toEqual([400, 400]);
      return { zh: zh.body.details, en: en.body.details };
    };

    it('the blacklist refuses a listing day in the future: 不能晚于今天 / must not be in the future', async () => {
      const supervisor = await t.token('supervisor');
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const { zh, en } = await both((lang) => {
        const req = t
          .http()
          .post('/api/v1/compliance/employers/0190a4b1-0000-7000-8000-000000000001/blacklist')
          .set('authorization', `Bearer ${supervisor}`);
        if (lang) void req.set('accept-language', lang);
        return req.send({
          violationId: '0190a4b1-0000-7000-8000-000000000002',
          listedOn: tomorrow,
          responsiblePersons: [
            { role: 'LEGAL_REPRESENTATIVE', name: '张三', idNumber: '11010519491231002X' },
          ],
        });
      });
      const shape = { field: 'listedOn', constraint: 'notInFuture', constraints: ['notInFuture'] };
      expect(zh).toEqual([{ ...shape, message: 'listedOn 不能晚于今天' }]);
      expect(en).toEqual([{ ...shape, message: 'listedOn must not be in the future' }]);
    });

    it.each([
      ['/api/v1/complaints', true],
      ['/api/v1/public/blacklist', false],
    ])('%s refuses a cursor it did not issue', async (path, authed) => {
      const { zh, en } = await both((lang) =>
        get(path, { cursor: 'not-a-cursor' }, authed ? worker : null, lang),
      );
      const shape = { field: 'cursor', constraint: 'isCursor', constraints: ['isCursor'] };
      expect(zh).toEqual([{ ...shape, message: 'cursor 不是本接口返回的分页游标' }]);
      expect(en).toEqual([{ ...shape, message: 'cursor is not a cursor this API issued' }]);
    });

    it('the calendar refuses `to` before `from`', async () => {
      const query = { from: '2025-02-07', to: '2025-01-24' };
      const { zh, en } = await both((lang) => get('/api/v1/calendar/workdays', query, worker, lang));
      expect(zh).toMatchObject([{ field: 'to', constraint: 'notBeforeFrom', message: 'to 不能早于 from' }]);
      expect(en).toMatchObject([
        { field: 'to', constraint: 'notBeforeFrom', message: 'to must not be before from' },
      ]);
    });
  });
});
