import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import type { ComplaintsService } from '../complaints/complaints.service';
import type { TransactionRunner } from '../database/transaction';
import type { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { LocalDirectoryFileStorage } from './storage/local-file-storage';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const worker: Principal = { userId: 'u1', role: 'WORKER', jurisdictions: [], organisationId: null };
const COMPLAINT = '01890a5d-ac96-774b-bcce-b302099a8057';

/** The service over a real local storage in a temp dir, with the database and other modules faked. */
function setUp(dir: string, opts: { kind?: string; visible?: boolean; insertFails?: boolean } = {}) {
  const inserted: unknown[] = [];
  const events: unknown[] = [];
  const complaints = {
    get: () =>
      opts.visible === false
        ? Promise.reject(AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint'))
        : Promise.resolve({ kind: opts.kind ?? 'COMPLAINT', status: 'SUBMITTED' }),
    lockForProceeding: () => Promise.resolve({ complaint: { status: 'SUBMITTED' } }),
  } as unknown as ComplaintsService;
  const repo = {
    caseFileSize: () => Promise.resolve({ files: 0, bytes: 0 }),
    lockCaseFile: () => Promise.resolve(),
    insert: (_em: unknown, row: Record<string, unknown>) => {
      if (opts.insertFails) return Promise.reject(new Error('connection lost'));
      inserted.push(row);
      return Promise.resolve({ ...row, createdAt: new Date() });
    },
  } as unknown as EvidenceRepository;
  const audit = {
    append: (_em: unknown, e: unknown) => Promise.resolve(void events.push(e)),
  } as unknown as AuditService;
  const tx = {
    run: <T>(work: (em: unknown) => Promise<T>) => work({}),
    manager: {},
  } as unknown as TransactionRunner;
  const service = new EvidenceService(tx, repo, complaints, audit, new LocalDirectoryFileStorage(dir));
  return { service, inserted, events };
}

/** A stream that counts how far it was read. */
function source(chunks: Buffer[], extra: { truncated?: boolean } = {}) {
  let reads = 0;
  const stream = Object.assign(
    new Readable({
      read() {
        reads++;
        this.push(chunks.shift() ?? null);
      },
    }),
    extra,
  );
  return { stream, reads: () => reads };
}

describe('EvidenceService.upload', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lrp-evidence-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const files = async () =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name);

  it('stores the file, records the row and an ATTACHMENT_ADDED event without the file name', async () => {
    const { service, inserted, events } = setUp(dir);
    const view = await service.upload(
      worker,
      COMPLAINT,
      { stream: source([PNG]).stream, filename: 'a.png' },
      'd',
    );
    expect(view).toMatchObject({ filename: 'a.png', contentType: 'image/png', sizeBytes: PNG.length });
    expect(inserted).toHaveLength(1);
    expect(await files()).toEqual([view.id]);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'ATTACHMENT_ADDED',
        data: { attachmentId: view.id, contentType: 'image/png', sizeBytes: PNG.length, sha256: view.sha256 },
      }),
    ]);
  });

  it('reads nothing from the upload for a complaint the caller may not see, or a report', async () => {
    for (const opts of [{ visible: false }, { kind: 'REPORT' }]) {
      const { service, inserted } = setUp(dir, opts);
      const s = source([PNG]);
      await expect(
        service.upload(worker, COMPLAINT, { stream: s.stream, filename: 'a.png' }, undefined),
      ).rejects.toMatchObject({ statusCode: opts.visible === false ? 404 : 409 });
      expect(s.reads()).toBe(0);
      expect(inserted).toEqual([]);
    }
    expect(await files()).toEqual([]);
  });

  it('keeps nothing of a file the parser truncated, even when its stream ended without an error', async () => {
    const { service, inserted } = setUp(dir);
    const s = source([PNG], { truncated: true });
    await expect(
      service.upload(worker, COMPLAINT, { stream: s.stream, filename: 'a.png' }, undefined),
    ).rejects.toMatchObject({
      statusCode: 413,
      code: 'FILE_TOO_LARGE',
    });
    expect(inserted).toEqual([]);
    expect(await files()).toEqual([]);
  });

  it('removes the stored file when the transaction fails', async () => {
    const { service } = setUp(dir, { insertFails: true });
    await expect(
      service.upload(worker, COMPLAINT, { stream: source([PNG]).stream, filename: 'a.png' }, undefined),
    ).rejects.toThrow('connection lost');
    expect(await files()).toEqual([]);
  });

  it('maps a wrong type to 415 and a failing upload stream to its own error, storing nothing', async () => {
    const { service } = setUp(dir);
    await expect(
      service.upload(
        worker,
        COMPLAINT,
        { stream: source([Buffer.from('hello world')]).stream, filename: 'a.pdf' },
        undefined,
      ),
    ).rejects.toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_FILE_TYPE' });
    const broken = new Readable({
      read() {
        this.push(PNG);
        this.destroy(new Error('client went away'));
      },
    });
    await expect(
      service.upload(worker, COMPLAINT, { stream: broken, filename: 'a.png' }, undefined),
    ).rejects.toThrow('client went away');
    expect(await files()).toEqual([]);
  });
});
