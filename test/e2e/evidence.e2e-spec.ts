import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Response } from 'supertest';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

/** The test app's own storage directory (FILE_STORAGE_DIR, a temp dir removed by t.close()). */
let STORAGE_DIR = '';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0', 'latin1'),
  Buffer.alloc(64, 0x2a),
  Buffer.from([0xff, 0xd9]),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Collects a binary response body as a Buffer, whatever its content type. */
function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** Every file under the storage directory (relative paths), `*.part` leftovers included. */
async function storedFiles(): Promise<string[]> {
  try {
    const entries = await readdir(STORAGE_DIR, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return [];
    throw err;
  }
}

describe('evidence: the shared case file of a dispute', () => {
  let t: TestApp;
  let worker: string;
  let workerB: string;
  let mediator: string;
  let supervisor: string;
  /** A complaint of the worker on street 310115005 (the mediator's). */
  let complaintId: string;
  /** A complaint of the worker on street 310115007 (outside the mediator's scope). */
  let otherStreetId: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const attachments = (id: string) => `/api/v1/complaints/${id}/attachments`;

  beforeAll(async () => {
    t = await startTestApp();
    STORAGE_DIR = resolve(t.config.fileStorage.dir);
    worker = await t.token('13800000000');
    mediator = await t.token('mediator');
    supervisor = await t.token('supervisor');
    await t.http().post('/api/v1/auth/otp/request').send({ phone: '13600000019' });
    const verified = await t
      .http()
      .post('/api/v1/auth/otp/verify')
      .send({ phone: '13600000019', code: t.sms.lastCode('13600000019') });
    workerB = verified.body.accessToken as string;
    const file = async (street: string) => {
      const res = await t
        .http()
        .post('/api/v1/complaints')
        .set(auth(worker))
        .send(complaintBody({ workplaceStreetCode: street }));
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    complaintId = await file('310115005');
    otherStreetId = await file('310115007');
  });

  afterAll(async () => {
    await t?.close();
  });

  const upload = (
    token: string,
    id: string,
    file?: { content: Buffer; filename: string; contentType?: string },
    description?: string,
  ) => {
    const req = t.http().post(attachments(id)).set(auth(token));
    if (description !== undefined) void req.field('description', description);
    if (file)
      void req.attach('file', file.content, {
        filename: file.filename,
        contentType: file.contentType ?? 'application/octet-stream',
      });
    return req;
  };
  const download = (token: string, id: string, attachmentId: string) =>
    t
      .http()
      .get(`${attachments(id)}/${attachmentId}/content`)
      .set(auth(token))
      .buffer(true)
      .parse(binary);
  const rowCount = async (id: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM attachments WHERE complaint_id = $1`, [id]))[0]
      .n as number;

  it('the worker uploads a PNG to their complaint: 201 with the detected type, size and SHA-256', async () => {
    const res = await upload(worker, complaintId, {
      content: PNG,
      filename: 'payslip.png',
      contentType: 'application/pdf', // the client's type is ignored: the content decides
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      filename: 'payslip.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
      sha256: sha256(PNG),
      description: null,
      uploadedBy: { role: 'WORKER' },
      createdAt: expect.any(String),
    });
    // Stored under a generated key, never the file name.
    const [row] = await t.dataSource.query(`SELECT storage_key FROM attachments WHERE id = $1`, [
      res.body.id,
    ]);
    expect(row.storage_key).toMatch(new RegExp(`^attachments/\\d{4}-\\d{2}/${res.body.id}$`));
    expect(row.storage_key).not.toContain('payslip');
    // The timeline records the facts, not the file name.
    const events = await t.http().get(`/api/v1/complaints/${complaintId}/events`).set(auth(worker));
    const added = events.body.filter((e: { action: string }) => e.action === 'ATTACHMENT_ADDED');
    expect(added).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ role: 'WORKER' }),
        data: {
          attachmentId: res.body.id,
          contentType: 'image/png',
          sizeBytes: PNG.length,
          sha256: sha256(PNG),
        },
      }),
    ]);
    expect(JSON.stringify(added)).not.toContain('payslip');
  });

  it('the mediator of the street adds a JPEG and a PDF with descriptions; everyone in scope lists the same case file', async () => {
    const jpeg = await upload(
      mediator,
      complaintId,
      { content: JPEG, filename: '现场照片 (1).jpg', contentType: 'image/jpeg' },
      '工地现场照片',
    );
    expect(jpeg.status).toBe(201);
    expect(jpeg.body).toMatchObject({
      filename: '现场照片 (1).jpg',
      contentType: 'image/jpeg',
      sizeBytes: JPEG.length,
      sha256: sha256(JPEG),
      description: '工地现场照片',
      uploadedBy: { role: 'MEDIATOR' },
    });
    const pdf = await upload(
      mediator,
      complaintId,
      { content: PDF, filename: '../../劳动合同.pdf', contentType: 'application/pdf' },
      '劳动合同',
    );
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ filename: '劳动合同.pdf', contentType: 'application/pdf' });

    for (const token of [worker, mediator, supervisor, await t.token('inspector')]) {
      const list = await t.http().get(attachments(complaintId)).set(auth(token));
      expect(list.status).toBe(200);
      expect(list.body.map((a: { contentType: string }) => a.contentType)).toEqual([
        'image/png',
        'image/jpeg',
        'application/pdf',
      ]);
      expect(list.body[1]).toEqual(jpeg.body);
    }
  });

  it('downloads the bytes as uploaded, with the detected type, an encoded file name and nosniff', async () => {
    const list = await t.http().get(attachments(complaintId)).set(auth(supervisor));
    const byType = (type: string) =>
      list.body.find((a: { contentType: string }) => a.contentType === type) as {
        id: string;
        filename: string;
      };
    for (const [type, bytes] of [
      ['image/png', PNG],
      ['image/jpeg', JPEG],
      ['application/pdf', PDF],
    ] as const) {
      const a = byType(type);
      const res = await download(worker, complaintId, a.id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-length']).toBe(String(bytes.length));
      expect(Buffer.compare(res.body as Buffer, bytes)).toBe(0);
      expect(sha256(res.body as Buffer)).toBe(sha256(bytes));
      expect(res.headers['content-disposition']).toMatch(/^attachment; /);
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(a.filename).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
    }
    // The system's administrator lists the case file but neither opens a worker's file nor adds one.
    const admin = await t.token('admin');
    expect((await t.http().get(attachments(complaintId)).set(auth(admin))).status).toBe(200);
    expect((await download(admin, complaintId, byType('image/png').id)).status).toBe(403);
    const before = await rowCount(complaintId);
    expect((await upload(admin, complaintId, { content: PNG, filename: 'a.png' })).status).toBe(403);
    expect(await rowCount(complaintId)).toBe(before);
    const jpeg = await download(mediator, complaintId, byType('image/jpeg').id);
    expect(jpeg.headers['content-disposition']).toBe(
      `attachment; filename="____ (1).jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87%20%281%29.jpg`,
    );
  });

  it('refuses a text file named .pdf (415 UNSUPPORTED_FILE_TYPE) and stores nothing', async () => {
    const before = { rows: await rowCount(complaintId), files: await storedFiles() };
    const res = await upload(worker, complaintId, {
      content: Buffer.from('I am plain text, whatever my name says.\n'.repeat(50)),
      filename: 'contract.pdf',
      contentType: 'application/pdf',
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      statusCode: 415,
      code: 'UNSUPPORTED_FILE_TYPE',
      message: expect.any(String),
      details: { allowed: ['application/pdf', 'image/jpeg', 'image/png'] },
    });
    expect(await rowCount(complaintId)).toBe(before.rows);
    expect(await storedFiles()).toEqual(before.files);
  });

  it('refuses an 11 MB file while it streams (413 FILE_TOO_LARGE): no row, no file in storage', async () => {
    const before = { rows: await rowCount(complaintId), files: await storedFiles() };
    const big = Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024 - PNG.length, 0x41)]);
    const res = await upload(worker, complaintId, {
      content: big,
      filename: 'big.png',
      contentType: 'image/png',
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      statusCode: 413,
      code: 'FILE_TOO_LARGE',
      message: expect.any(String),
      details: { maxBytes: 10 * 1024 * 1024 },
    });
    expect(await rowCount(complaintId)).toBe(before.rows);
    expect(await storedFiles()).toEqual(before.files);
    // A file of exactly 10 MB is accepted.
    const max = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length, 0x20)]);
    const ok = await upload(worker, complaintId, { content: max, filename: 'max.pdf' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ sizeBytes: 10 * 1024 * 1024, sha256: sha256(max) });
  });

  it('caps the case file of a complaint (50 files, 200 MiB): past it 409 CASE_FILE_FULL, no row, no file stored', async () => {
    const fresh = async () => {
      const res = await t.http().post('/api/v1/complaints').set(auth(worker)).send(complaintBody());
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    /** Rows standing for files already in the case file (the cap counts rows; the throttle forbids 50 uploads). */
    const filed = (id: string, n: number, sizeBytes: number) =>
      t.dataSource.query(
        `INSERT INTO attachments (id, complaint_id, filename, content_type, size_bytes, sha256, storage_key,
                                  uploaded_by_role)
         SELECT gen_random_uuid(), $1, 'x.png', 'image/png', $3, repeat('0', 64), 'test-cap/' || gen_random_uuid(),
                'WORKER'
           FROM generate_series(1, $2)`,
        [id, n, sizeBytes],
      );
    const png = { content: PNG, filename: 'cap.png', contentType: 'image/png' };
    const refused = async (id: string, expected: number) => {
      const files = await storedFiles();
      const res = await upload(worker, id, png);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'CASE_FILE_FULL',
        details: { maxFiles: 50, maxBytes: 200 * 1024 * 1024 },
      });
      expect(await rowCount(id)).toBe(expected);
      expect(await storedFiles()).toEqual(files);
    };
    // 49 files: the 50th is accepted, the 51st refused before a byte is stored.
    const byCount = await fresh();
    await filed(byCount, 49, 1000);
    expect((await upload(worker, byCount, png)).status).toBe(201);
    await refused(byCount, 50);
    // 200 MiB less 10 bytes: a 33-byte file would pass it (refused inside the transaction, its stored copy removed);
    // at 200 MiB exactly, refused before streaming.
    const bySize = await fresh();
    await filed(bySize, 1, 200 * 1024 * 1024 - 10);
    await refused(bySize, 1);
    await t.dataSource.query(`UPDATE attachments SET size_bytes = size_bytes + 10 WHERE complaint_id = $1`, [
      bySize,
    ]);
    await refused(bySize, 1);
  });

  it('a body that ends inside the file: 400 UPLOAD_INCOMPLETE, nothing stored', async () => {
    const before = { rows: await rowCount(complaintId), files: await storedFiles() };
    const cut = Buffer.concat([
      Buffer.from(
        '--XB\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n',
      ),
      PNG,
      Buffer.alloc(4096, 1),
    ]);
    const res = await t
      .http()
      .post(attachments(complaintId))
      .set({ ...auth(worker), 'content-type': 'multipart/form-data; boundary=XB' })
      .send(cut);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'UPLOAD_INCOMPLETE', message: expect.any(String) });
    expect(await rowCount(complaintId)).toBe(before.rows);
    expect(await storedFiles()).toEqual(before.files);
  });

  it('another worker gets 404 for the complaint, its list and its files', async () => {
    const [a] = (await t.http().get(attachments(complaintId)).set(auth(worker))).body as { id: string }[];
    const notFound = { statusCode: 404, code: 'COMPLAINT_NOT_FOUND', message: expect.any(String) };
    const up = await upload(workerB, complaintId, { content: PNG, filename: 'x.png' });
    expect(up.status).toBe(404);
    expect(up.body).toEqual(notFound);
    expect((await t.http().get(attachments(complaintId)).set(auth(workerB))).body).toEqual(notFound);
    const dl = await t
      .http()
      .get(`${attachments(complaintId)}/${a.id}/content`)
      .set(auth(workerB));
    expect(dl.status).toBe(404);
    expect(dl.body).toEqual(notFound);
  });

  it("a mediator of another street gets 404 for a complaint outside their jurisdiction; the district's supervisor sees it", async () => {
    const up = await upload(mediator, otherStreetId, { content: PNG, filename: 'x.png' });
    expect(up.status).toBe(404);
    expect(up.body.code).toBe('COMPLAINT_NOT_FOUND');
    expect(await rowCount(otherStreetId)).toBe(0);
    const list = await t.http().get(attachments(otherStreetId)).set(auth(mediator));
    expect(list.status).toBe(404);

    const own = await upload(worker, otherStreetId, { content: PDF, filename: 'a.pdf' });
    expect(own.status).toBe(201);
    const sup = await t.http().get(attachments(otherStreetId)).set(auth(supervisor));
    expect(sup.status).toBe(200);
    expect(sup.body.map((a: { id: string }) => a.id)).toEqual([own.body.id]);
    // An attachment is reached only through its own complaint.
    const elsewhere = await t
      .http()
      .get(`${attachments(complaintId)}/${own.body.id}/content`)
      .set(auth(worker));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('ATTACHMENT_NOT_FOUND');
  });

  it('without a file: 400 VALIDATION_FAILED on the field file', async () => {
    const res = await upload(worker, complaintId, undefined, 'only a description');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'file' })],
    });
    const empty = await upload(worker, complaintId, { content: Buffer.alloc(0), filename: 'empty.pdf' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'file' }] });
  });

  it('validates the description and refuses a body that is not multipart, in the one error shape', async () => {
    const long = await upload(worker, complaintId, { content: PNG, filename: 'x.png' }, '证'.repeat(501));
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'description' })],
    });
    const json = await t.http().post(attachments(complaintId)).set(auth(worker)).send({});
    expect(json.status).toBe(415);
    expect(json.body).toEqual({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.any(String),
    });
    const raw = await t
      .http()
      .post(attachments(complaintId))
      .set({ ...auth(worker), 'content-type': 'application/pdf' })
      .send(PDF);
    expect(raw.status).toBe(415);
    expect(raw.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    // Multipart bodies may be 10 MB; JSON bodies keep their 256 KB limit.
    const bigJson = await t
      .http()
      .post('/api/v1/complaints')
      .set(auth(worker))
      .send(complaintBody({ facts: 'x'.repeat(300 * 1024) }));
    expect(bigJson.status).toBe(413);
    expect(bigJson.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('anonymous reports take no attachments for now (409 REPORT_ATTACHMENTS_NOT_SUPPORTED)', async () => {
    const { complainant: _c, claimedAmountFen: _a, ...report } = complaintBody({ category: 'NO_CONTRACT' });
    const filed = await t.http().post('/api/v1/reports').send(report);
    expect(filed.status).toBe(201);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM complaints WHERE tracking_no = $1`, [
      filed.body.trackingNo,
    ]);
    const res = await upload(mediator, id as string, { content: PNG, filename: 'x.png' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'REPORT_ATTACHMENTS_NOT_SUPPORTED' });
    expect(await rowCount(id as string)).toBe(0);
  });

  it('requires a login', async () => {
    const res = await t.http().get(attachments(complaintId));
    expect(res.status).toBe(401);
    const up = await t.http().post(attachments(complaintId)).attach('file', PNG, 'x.png');
    expect(up.status).toBe(401);
  });
});
