import { randomUUID } from 'node:crypto';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { RiskRepository } from '../../src/risk/risk.repository';
import { RiskScoringService } from '../../src/risk/risk-scoring.service';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Rescores requested together (the risk.rescore-employer jobs a worker holds at once) run the feature statement
 * once for all their employers (issue 17: its planning was the largest PostgreSQL cost of intake), and each
 * employer ends with the warnings it gets when scored alone.
 */
describe('batched rescores of employers', () => {
  let t: TestApp;
  const today = todayInShanghai();
  let seq = 0;

  const employer = async () => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source) VALUES ($1, $2, $2, 'REGISTER')`,
      [id, `批量重评测试公司${id.slice(0, 8)}`],
    );
    return id;
  };
  /** `workers` wage complaints of `fen` each by distinct workers in the last days. */
  const complaints = async (employerId: string, workers: number, fen: number) => {
    for (let i = 0; i < workers; i++) {
      seq++;
      await t.dataSource.query(
        `INSERT INTO complaints (id, tracking_no, kind, status, category, channel, employer_id, workplace_street_code,
                                 claimed_amount_fen, affected_workers, facts, requests, complainant_id_number_bidx,
                                 received_on, created_at, version)
         VALUES ($1, $2, 'COMPLAINT', 'ACCEPTED', 'WAGE_ARREARS', 'WEB', $3, '310115005', $6, 1, '欠薪', '支付工资',
                 $4, $5, ($5::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', 1)`,
        [
          randomUUID(),
          `TS-BATCH-${String(seq).padStart(6, '0')}`,
          employerId,
          `b${employerId.slice(0, 8)}${i}`,
          addDays(today, -i),
          fen,
        ],
      );
    }
  };
  /** The open warnings' levels of an employer, by kind. */
  const levels = async (employerId: string): Promise<Record<string, string>> => {
    const rows = await t.dataSource.query<{ kind: string; level: string }[]>(
      `SELECT kind, level FROM risk_warnings WHERE employer_id = $1 AND status <> 'CLOSED'`,
      [employerId],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, r.level]));
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('rescores requested together run the feature statement once; each employer gets the levels it gets alone', async () => {
    const scoring = t.app.get(RiskScoringService);
    // 10 workers with the province's total (Shanghai 100,000 yuan): red; 4 workers: some lower level; none: nothing.
    const [ten, four, none] = [await employer(), await employer(), await employer()];
    await complaints(ten, 10, 1_000_000);
    await complaints(four, 4, 600_000);

    const features = jest.spyOn(t.app.get(RiskRepository), 'features');
    let batches: (string[] | null)[];
    try {
      await Promise.all([ten, four, none].map((id) => scoring.rescoreEmployer(id)));
      batches = features.mock.calls.map(([, p]) => p.employerIds);
    } finally {
      features.mockRestore();
    }
    expect(batches).toHaveLength(1);
    expect([...batches[0]!].sort()).toEqual([ten, four, none].sort());

    for (const id of [ten, four, none]) {
      const alone = await scoring.explainEmployer(id);
      expect(await levels(id)).toEqual(alone.evaluation.levels);
    }
    expect(await levels(ten)).toMatchObject({ WAGE_ARREARS: 'RED' });
    expect(await levels(none)).toEqual({});
  });

  it('one employer that cannot be scored fails only its own rescore: the batch is retried employer by employer', async () => {
    const scoring = t.app.get(RiskScoringService);
    const ten = await employer();
    await complaints(ten, 10, 1_000_000);
    const features = jest.spyOn(t.app.get(RiskRepository), 'features');
    let settled: PromiseSettledResult<unknown>[];
    let batches: (string[] | null)[];
    try {
      // Not a uuid: the statement fails for the batch that holds it.
      settled = await Promise.allSettled([
        scoring.rescoreEmployer(ten),
        scoring.rescoreEmployer('not-a-uuid'),
      ]);
      batches = features.mock.calls.map(([, p]) => p.employerIds);
    } finally {
      features.mockRestore();
    }
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
    // The batch of both, then each alone.
    expect(batches).toEqual([[ten, 'not-a-uuid'], [ten], ['not-a-uuid']]);
    expect(await levels(ten)).toMatchObject({ WAGE_ARREARS: 'RED' });
  });
});
