import { DataSource } from 'typeorm';
import { todayInShanghai } from '../../src/calendar/local-date';
import { formatTrackingNumber } from '../../src/common/tracking-number';
import { inspectionSequenceName } from '../../src/inspection/inspection-sequences';
import { InspectionRepository } from '../../src/inspection/inspection.repository';
import { fileComplaint } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 17.1 for proceeding writes: inspection case numbers and document numbers come from per-year sequences,
 * so an opening or a document never waits for another transaction's commit on a shared counter row.
 */
describe('inspection case and document numbers from per-year sequences', () => {
  let t: TestApp;
  let ds: DataSource;
  let repo: InspectionRepository;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });

  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
    ds = t.dataSource;
    repo = t.app.get(InspectionRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  it('names one sequence per scope and year, and refuses anything else', () => {
    expect(inspectionSequenceName('CASE', 2026)).toBe('inspection_seq_case_2026');
    expect(inspectionSequenceName('DOC:PENALTY_NOTICE', 2026)).toBe('inspection_seq_doc_penalty_notice_2026');
    for (const [scope, year] of [
      ['case', 2026],
      ['DOC:x; DROP TABLE inspection_cases', 2026],
      ['CASE', 1999],
      ['CASE', 2026.5],
    ] as const)
      expect(() => inspectionSequenceName(scope, year)).toThrow();
  });

  it("a year's sequence starts after what its counter handed out; concurrent numbers are distinct", async () => {
    await ds.query(
      `INSERT INTO inspection_counters (scope, year, last_value) VALUES ('CASE', 2033, 7), ('DOC:PENALTY_NOTICE', 2033, 3)`,
    );
    const cases = await Promise.all(
      Array.from({ length: 8 }, () => ds.transaction((em) => repo.nextSeq(em, 'CASE', 2033))),
    );
    expect([...cases].sort((a, b) => a - b)).toEqual(Array.from({ length: 8 }, (_, i) => 8 + i));
    const docs = await Promise.all(
      Array.from({ length: 4 }, () => ds.transaction((em) => repo.nextSeq(em, 'DOC:PENALTY_NOTICE', 2033))),
    );
    expect([...docs].sort((a, b) => a - b)).toEqual([4, 5, 6, 7]);
    // Each scope counts on its own.
    expect(await ds.transaction((em) => repo.nextSeq(em, 'DOC:RECTIFICATION_ORDER', 2033))).toBe(1);
  });

  it('a number taken by a transaction that rolls back is not reused (gaps, no duplicates)', async () => {
    const first = await ds.transaction((em) => repo.nextSeq(em, 'CASE', 2034));
    await expect(
      ds.transaction(async (em) => {
        await repo.nextSeq(em, 'CASE', 2034);
        throw new Error('opening failed');
      }),
    ).rejects.toThrow('opening failed');
    expect([first, await ds.transaction((em) => repo.nextSeq(em, 'CASE', 2034))]).toEqual([1, 3]);
  });

  it('a document number is taken while another transaction holds one of the same kind, without waiting', async () => {
    await ds.transaction((em) => repo.nextSeq(em, 'DOC:RECTIFICATION_ORDER', 2035));
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const held = await repo.nextSeq(runner.manager, 'DOC:RECTIFICATION_ORDER', 2035);
      // A counter row locked by the open transaction would make this wait, and fail on the lock timeout.
      const next = await ds.transaction(async (em) => {
        await em.query(`SET LOCAL lock_timeout = '2s'`);
        return repo.nextSeq(em, 'DOC:RECTIFICATION_ORDER', 2035);
      });
      expect(next).toBe(held + 1);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('an inspection case opens while another opening of the same year has not committed yet', async () => {
    const year = Number(todayInShanghai(new Date()).slice(0, 4));
    // A complaint accepted and routed to inspection by the street's inspector.
    const { id: complaintId } = await fileComplaint(t, {
      employerName: '浦东监察编号测试公司',
      target: 'INSPECTION',
      staff: 'inspector',
    });
    // This year's sequence exists; an open transaction holds the next case number.
    await ds.transaction((em) => repo.nextSeq(em, 'CASE', year));
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const held = await repo.nextSeq(runner.manager, 'CASE', year);
      const res = await t
        .http()
        .post('/api/v1/inspection/cases')
        .set(await auth('inspector'))
        .send({ complaintId })
        .timeout(10_000);
      expect(res.status).toBe(201);
      expect(res.body.caseNo).toBe(formatTrackingNumber('JC', year, held + 1));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
