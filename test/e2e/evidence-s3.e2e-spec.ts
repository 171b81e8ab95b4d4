import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** FILE_STORAGE_BACKEND=s3: the evidence module stores into an S3-compatible bucket (s3rver on loopback). */
describe('evidence on an S3-compatible bucket', () => {
  let t: TestApp;
  let dir: string;
  let server: S3rver;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lrp-s3e2e-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'evidence', configs: [] }],
    });
    const { port } = await server.run();
    t = await startTestApp({
      env: {
        FILE_STORAGE_BACKEND: 's3',
        S3_BUCKET: 'evidence',
        S3_REGION: 'us-east-1',
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
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
