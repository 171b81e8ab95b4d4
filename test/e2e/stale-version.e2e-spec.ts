import { randomUUID } from 'node:crypto';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { RiskScoringService } from '../../src/risk/risk-scoring.service';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Audit suspicion (2026-12-07): two machine codes for one situation. Every versioned write answers a stale `version`
 * with 409 STALE_VERSION and `details: {version}` (docs/state-machines.md); the risk warnings' transitions answered
 * 409 VERSION_CONFLICT with `details: {currentVersion}`. (The other proceedings' STALE_VERSION is tested in their own
 * files; src/common/stale-version.spec.ts keeps every version check on the one helper.)
 */
describe('a stale version is 409 STALE_VERSION on every versioned write', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a risk warning acknowledged, handled or closed on a version it no longer has', async () => {
    const employerId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source, street_code) VALUES ($1, $2, $2, 'REGISTER', '310115005')`,
      [employerId, `版本冲突测试公司${employerId.slice(0, 8)}`],
    );
    for (let i = 0; i < 3; i++)
      await t.dataSource.query(
        `INSERT INTO complaints (id, tracking_no, kind, status, category, channel, employer_id, workplace_street_code,
                                 claimed_amount_fen, affected_workers, facts, requests, complainant_id_number_bidx,
                                 received_on, created_at, version)
         VALUES ($1, $2, 'COMPLAINT', 'ACCEPTED', 'WAGE_ARREARS', 'WEB', $3, '310115005', 100000, 1, '欠薪', '支付工资',
                 $4, $5, now(), 1)`,
        [
          randomUUID(),
          `TS-STALE-${i}-${employerId.slice(0, 8)}`,
          employerId,
          `sv${i}${employerId}`,
          addDays(today, -i),
        ],
      );
    await t.app.get(RiskScoringService).rescoreEmployer(employerId);
    const [w] = await t.dataSource.query<{ id: string; version: number }[]>(
      `SELECT id, version FROM risk_warnings WHERE employer_id = $1`,
      [employerId],
    );
    const ack = await t
      .http()
      .post(`/api/v1/risk/warnings/${w.id}/acknowledge`)
      .set(await auth('inspector'))
      .send({ version: w.version });
    expect(ack.status).toBe(200);
    for (const [path, body] of [
      ['acknowledge', {}],
      ['handling', {}],
      ['close', { disposal: '已约谈' }],
    ] as const) {
      const stale = await t
        .http()
        .post(`/api/v1/risk/warnings/${w.id}/${path}`)
        .set(await auth('inspector'))
        .send({ ...body, version: w.version });
      expect([path, stale.status, stale.body.code, stale.body.details]).toEqual([
        path,
        409,
        'STALE_VERSION',
        { version: ack.body.version },
      ]);
    }
  });
});
