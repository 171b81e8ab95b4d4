import { randomUUID } from 'node:crypto';
import { ComplaintAcknowledgedAt1796400001500 } from '../../migrations/1796400001500-complaint-acknowledged-at';
import { AuditService } from '../../src/audit/audit.service';
import { ComplaintsService } from '../../src/complaints/complaints.service';
import { firstWords, splitByDelivery, statementsDuring } from '../support/statements';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 17: the acknowledgement job runs once per complaint, so its statements are part of every intake. It reads the
 * complaint (whose row carries the acknowledgement's mark) once, and claims the mark with the ACKNOWLEDGED event in
 * one statement — no transaction around them, no separate look-ups of the event, no separate row lock. Still exactly
 * once.
 */
describe('the acknowledgement: claimed on the complaint row, once', () => {
  let t: TestApp;
  let acknowledge: (id: string) => Promise<void>;
  beforeAll(async () => {
    // No workers: the test runs the job's handler itself.
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
    acknowledge = (id) => t.app.get(ComplaintsService).acknowledge(id);
  });
  afterAll(async () => {
    await t.close();
  });

  const fileComplaint = async (employer: string): Promise<{ id: string; trackingNo: string }> => {
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set({ authorization: `Bearer ${await t.token('13800000000')}` })
      .send(complaintBody({ employer: { name: employer } }));
    expect(res.status).toBe(201);
    return res.body as { id: string; trackingNo: string };
  };
  const acknowledgements = async (id: string) => {
    const events = await t.dataSource.query<{ occurred_at: Date; data: { channel: string } }[]>(
      `SELECT occurred_at, data FROM case_events WHERE case_id = $1 AND action = 'ACKNOWLEDGED'`,
      [id],
    );
    const [row] = await t.dataSource.query<{ acknowledged_at: Date | null }[]>(
      'SELECT acknowledged_at FROM complaints WHERE id = $1',
      [id],
    );
    return { events, acknowledgedAt: row.acknowledged_at };
  };
  const smsFor = (trackingNo: string) =>
    t.sms.sent.filter((m) => m.template === 'COMPLAINT_RECEIVED' && m.params.trackingNo === trackingNo);

  it('first run: the complaint read once, the SMS, then the claim and the event in one statement; a replay reads once and stops', async () => {
    const c = await fileComplaint('上海回执语句测试公司');
    expect(await acknowledgements(c.id)).toEqual({ events: [], acknowledgedAt: null });

    const first = await statementsDuring(() => acknowledge(c.id));
    // Besides the SMS delivery's own connection (sms-delivery-statements.e2e-spec.ts tests those).
    expect(firstWords(splitByDelivery(first.statements).others)).toEqual(['SELECT', 'WITH']);
    expect(smsFor(c.trackingNo)).toHaveLength(1);
    const after = await acknowledgements(c.id);
    expect(after.events).toEqual([{ occurred_at: after.acknowledgedAt, data: { channel: 'SMS' } }]);
    expect(after.acknowledgedAt).toBeInstanceOf(Date);

    const replay = await statementsDuring(() => acknowledge(c.id));
    expect(firstWords(replay.statements)).toEqual(['SELECT']);
    expect(smsFor(c.trackingNo)).toHaveLength(1);
    expect(await acknowledgements(c.id)).toEqual(after);
  });

  it('concurrent deliveries of one job: one SMS, one ACKNOWLEDGED event', async () => {
    const c = await fileComplaint('上海回执并发测试公司');
    await Promise.all(Array.from({ length: 4 }, () => acknowledge(c.id)));
    expect(smsFor(c.trackingNo)).toHaveLength(1);
    const { events, acknowledgedAt } = await acknowledgements(c.id);
    expect(events).toHaveLength(1);
    expect(acknowledgedAt).toEqual(events[0].occurred_at);
  });

  it('an anonymous report: one message in its channel, one IN_APP event, no SMS', async () => {
    const {
      complainant: _c,
      claimedAmountFen: _a,
      ...report
    } = complaintBody({
      category: 'NO_CONTRACT',
      affectedWorkers: 30,
    });
    const res = await t.http().post('/api/v1/reports').send(report);
    expect(res.status).toBe(201);
    const [{ id }] = await t.dataSource.query<{ id: string }[]>(
      'SELECT id FROM complaints WHERE tracking_no = $1',
      [res.body.trackingNo],
    );
    const sentBefore = t.sms.sent.length;
    // Concurrent deliveries all find the mark unset; the one claim that sets it writes the event and the message.
    await Promise.all(Array.from({ length: 4 }, () => acknowledge(id)));
    await acknowledge(id);
    expect(t.sms.sent.length).toBe(sentBefore);
    const { events, acknowledgedAt } = await acknowledgements(id);
    expect(events).toEqual([{ occurred_at: acknowledgedAt, data: { channel: 'IN_APP' } }]);
    const messages = await t.dataSource.query<{ author: string }[]>(
      'SELECT author FROM complaint_messages WHERE complaint_id = $1',
      [id],
    );
    expect(messages).toEqual([{ author: 'STAFF' }]);
  });

  it('an event a case-event listener acts on is not written beside a claim outside a transaction', () => {
    const audit = t.app.get(AuditService);
    const event = { caseId: randomUUID(), action: 'ACKNOWLEDGED', actor: null };
    expect(audit.gatedWrite([{ ...event, caseType: 'COMPLAINT' }]).sql).toMatch(/FROM guard\b/);
    // The KPI read model follows inspection events (sla-case-events.ts): its job must commit with the event.
    expect(() => audit.gatedWrite([{ ...event, caseType: 'INSPECTION' }])).toThrow(/concerns listener sla/);
    expect(() =>
      audit.gatedWrite([{ ...event, caseType: 'COMPLAINT', data: { mediationCaseId: randomUUID() } }]),
    ).toThrow(/concerns listener sla/);
  });

  it('the migration marks the complaints acknowledged before it with their event time, and no other', async () => {
    const acked = await fileComplaint('上海回执迁移测试公司甲');
    const notYet = await fileComplaint('上海回执迁移测试公司乙');
    await acknowledge(acked.id);
    const before = await acknowledgements(acked.id);
    const migration = new ComplaintAcknowledgedAt1796400001500();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await acknowledgements(acked.id)).toEqual(before);
    expect(before.acknowledgedAt).toEqual(before.events[0].occurred_at);
    expect((await acknowledgements(notYet.id)).acknowledgedAt).toBeNull();
    // The job still runs for the one not acknowledged.
    await acknowledge(notYet.id);
    expect((await acknowledgements(notYet.id)).events).toHaveLength(1);
  });
});
