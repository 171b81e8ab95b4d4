import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Audit suspicion (2026-12-07): `Content-Type: application/json` with an empty body answered 400 MALFORMED_JSON. An
 * empty JSON body means "no fields": the endpoint's validation answers, with its field errors; JSON that does not
 * parse stays MALFORMED_JSON.
 */
describe('an empty JSON body is a body with no fields', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('POST /complaints with no body: 400 VALIDATION_FAILED naming the required fields', async () => {
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .set('content-type', 'application/json')
      .send('');
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['category', 'employer']));
  });

  it('an action with a required body (reject, withdraw) with no body: 400 VALIDATION_FAILED with its field', async () => {
    for (const [user, path, field] of [
      ['supervisor', 'reject', 'reason'],
      ['13800000000', 'withdraw', 'reason'],
    ] as const) {
      const res = await t
        .http()
        .post(`/api/v1/complaints/${randomUUID()}/${path}`)
        .set(await auth(user))
        .set('content-type', 'application/json; charset=utf-8')
        .send('');
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      expect(fieldsOf(res.body)).toContain(field);
    }
  });

  it('JSON that does not parse (or only blanks) is still 400 MALFORMED_JSON', async () => {
    for (const raw of ['{"category":', ' ', '{']) {
      const res = await t
        .http()
        .post('/api/v1/complaints')
        .set(await auth('13800000000'))
        .set('content-type', 'application/json')
        .send(raw);
      expect([raw, res.status, res.body.code]).toEqual([raw, 400, 'MALFORMED_JSON']);
    }
  });

  it('a prototype-poisoning body is still refused', async () => {
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .set('content-type', 'application/json')
      .send('{"__proto__": {"x": 1}}');
    expect(res.status).toBe(400);
  });
});
