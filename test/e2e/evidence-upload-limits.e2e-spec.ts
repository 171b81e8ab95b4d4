import { PNG } from '../../bench/lib/fixture-bodies';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

/**
 * The limits @fastify/multipart enforces on an upload (UPLOAD_LIMITS) answer in the platform's error shape with a
 * stable, specific code: a text field over `fieldSize` gets the same VALIDATION_FAILED as one just over its DTO limit,
 * a part in a field the form does not have is that field's error, and the count and name limits are
 * MULTIPART_LIMIT_EXCEEDED naming the limit — never the parser's generic 400 BAD_REQUEST, never a 500. (Its own file:
 * the upload throttle, 30 a minute per client, would be spent by evidence.e2e's uploads.)
 */
describe('evidence upload: the multipart limits in the one error shape', () => {
  let t: TestApp;
  let token: string;
  let complaintId: string;
  const url = () => `/api/v1/complaints/${complaintId}/attachments`;
  const rows = async () =>
    (
      await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM attachments WHERE complaint_id = $1`,
        [complaintId],
      )
    )[0].n;
  /** An upload with these text fields (in order) before the PNG in `file`. */
  const upload = (fields: [string, string][], fileField = 'file') => {
    const req = t
      .http()
      .post(url())
      .set({ authorization: `Bearer ${token}` });
    for (const [name, value] of fields) void req.field(name, value);
    return req.attach(fileField, PNG, { filename: 'x.png', contentType: 'image/png' });
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token('13800000000');
    const r = await t
      .http()
      .post('/api/v1/complaints')
      .set({ authorization: `Bearer ${token}` })
      .send(complaintBody());
    expect(r.status).toBe(201);
    complaintId = r.body.id as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a description over the parser’s fieldSize gets the same VALIDATION_FAILED as one just over 500 characters', async () => {
    const justOver = await upload([['description', '证'.repeat(501)]]);
    expect(justOver.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: [
        {
          field: 'description',
          constraint: 'maxLength',
          constraints: ['maxLength'],
          message: expect.stringContaining('500'),
        },
      ],
    });
    // 700 characters of 3-byte UTF-8: 2,100 bytes, over fieldSize (2,064).
    const overFieldSize = await upload([['description', '证'.repeat(700)]]);
    expect([overFieldSize.status, overFieldSize.body]).toEqual([400, justOver.body]);
    const en = await upload([['description', 'x'.repeat(100_000)]]).set('accept-language', 'en');
    expect([en.status, en.body.details]).toEqual([
      400,
      [
        expect.objectContaining({
          field: 'description',
          message: 'description must be at most 500 characters long',
        }),
      ],
    ]);
    expect(await rows()).toBe(0);
  });

  it('a field the form does not have is that field’s error, whatever its size or whether it holds a file', async () => {
    const small = await upload([['note', 'x']]);
    const expected = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: [expect.objectContaining({ field: 'note', constraint: 'whitelistValidation' })],
    };
    expect([small.status, small.body]).toEqual([400, expected]);
    const big = await upload([['note', 'x'.repeat(5000)]]);
    expect([big.status, big.body]).toEqual([400, small.body]);
    // A file in another field than `file`.
    const elsewhere = await upload([], 'note');
    expect([elsewhere.status, elsewhere.body]).toEqual([400, small.body]);
    expect(await rows()).toBe(0);
  });

  it('too many fields, a field name too long: 400 MULTIPART_LIMIT_EXCEEDED naming the limit', async () => {
    const many = await upload(Array.from({ length: 6 }, (_, i): [string, string] => [`f${i}`, 'x']));
    const exceeded = (limit: string, max: number) => [
      400,
      {
        statusCode: 400,
        code: 'MULTIPART_LIMIT_EXCEEDED',
        message: expect.any(String),
        details: { limit, max },
      },
    ];
    expect([many.status, many.body]).toEqual(exceeded('fields', 5));
    const longName = await upload([['n'.repeat(101), 'x']]);
    expect([longName.status, longName.body]).toEqual(exceeded('fieldNameSize', 100));
    expect(await rows()).toBe(0);
  });

  it('a multipart body without a boundary is 400 MALFORMED_MULTIPART; an 11 MB file stays 413 FILE_TOO_LARGE', async () => {
    const noBoundary = await t
      .http()
      .post(url())
      .set({ authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data' })
      .send('--x\r\n');
    expect([noBoundary.status, noBoundary.body]).toEqual([
      400,
      { statusCode: 400, code: 'MALFORMED_MULTIPART', message: expect.any(String) },
    ]);
    const big = await t
      .http()
      .post(url())
      .set({ authorization: `Bearer ${token}` })
      .attach('file', Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024, 0x41)]), {
        filename: 'big.png',
        contentType: 'image/png',
      });
    expect([big.status, big.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(await rows()).toBe(0);
    // Within every limit: accepted.
    const ok = await upload([['description', '证'.repeat(500)]]);
    expect(ok.status).toBe(201);
  });
});
