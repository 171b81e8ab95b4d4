import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { startFakeS3, type FakeS3 } from '../support/fake-s3';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** FILE_STORAGE_BACKEND=s3: the evidence module stores into an S3-compatible bucket (s3rver on loopback). */
describe('evidence on an S3-compatible bucket', () => {
  let t: TestApp;
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await startFakeS3();
    t = await startTestApp({
      env: {
        FILE_STORAGE_BACKEND: 's3',
        S3_BUCKET: s3.bucket,
        S3_REGION: 'us-east-1',
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('uploads, lists and downloads through the bucket; nothing lands in the local directory', async () => {
    expect(t.config.fileStorage.backend).toBe('s3');
    const worker = { authorization: `Bearer ${await t.token('13800000000')}` };
    const c = await t.http().post('/api/v1/complaints').set(worker).send(complaintBody());
    const up = await t
      .http()
      .post(`/api/v1/complaints/${c.body.id}/attachments`)
      .set(worker)
      .attach('file', PDF, { filename: '劳动合同.pdf', contentType: 'application/pdf' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const down = await t
      .http()
      .get(`/api/v1/complaints/${c.body.id}/attachments/${up.body.id}/content`)
      .set(worker)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (b: Buffer) => chunks.push(b));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.body as Buffer, PDF)).toBe(0);
    const [{ key }] = await t.dataSource.query<{ key: string }[]>(
      'SELECT storage_key AS key FROM attachments WHERE id = $1',
      [up.body.id],
    );
    expect(key).toMatch(/^attachments\//);
    const local = await readdir(t.config.fileStorage.dir, { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    expect(local.filter((e) => e.isFile())).toEqual([]);
  });
});
