import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/** The rescore job's deduplication (BullMQ `deduplication` option) on the PostgreSQL queue backend too. */
describe('risk rescoring on the PostgreSQL queue backend', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('three wage complaints against one employer raise one orange warning through the deduplicated rescore job', async () => {
    const worker = { authorization: `Bearer ${await t.token('13800000000')}` };
    let employerId = '';
    for (let i = 0; i < 3; i++) {
      const res = await t
        .http()
        .post('/api/v1/complaints')
        .set(worker)
        .send(
          complaintBody({
            employer: { name: '队列后端预警测试公司' },
            facts: `第${i + 1}次欠薪投诉，工资未发放`,
          }),
        );
      expect(res.status).toBe(201);
      employerId = res.body.employer.id as string;
    }
    const rows = await eventually(async () => {
      const r = await t.dataSource.query<
        { level: string; hits: { facts: { wageComplaints30d: number } }[] }[]
      >(`SELECT level, hits FROM risk_warnings WHERE employer_id = $1 AND kind = 'WAGE_ARREARS'`, [
        employerId,
      ]);
      return r.length && r[0].hits[0].facts.wageComplaints30d === 3 ? r : null;
    }, 30000);
    expect(rows).toHaveLength(1);
    expect(rows[0].level).toBe('ORANGE');
  });
});
