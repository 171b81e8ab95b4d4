import { randomUUID } from 'node:crypto';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { RiskScoringService } from '../../src/risk/risk-scoring.service';
import { RiskWarningsService } from '../../src/risk/risk-warnings.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { riskScan } from '../support/case-flow';

/** A valid 18-digit ID number (GB 11643) for worker i. */
function idNumber(i: number): string {
  const body = `31011519900101${String(200 + i).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, k) => acc + Number(d) * weights[k], 0);
  return body + '10X98765432'[sum % 11];
}

interface Hit {
  ruleId: string;
  level: string;
  explanation: string;
  facts: Record<string, unknown>;
}
interface Warning {
  id: string;
  employerId: string;
  kind: string;
  level: string;
  status: string;
  ruleSetVersion: number;
  version: number;
  hits: Hit[];
  events?: {
    action: string;
    actor: { userId: string | null; role: string | null };
    data: Record<string, unknown>;
  }[];
}

describe('risk warnings: mass dispute from twelve workers, lifecycle, escalation, rule edits', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const complaintIds: string[] = [];
  let employerId = '';

  const warningsOf = async (employer: string, kind: string, user = 'supervisor'): Promise<Warning[]> => {
    const res = await t
      .http()
      .get(`/api/v1/risk/warnings?kind=${kind}&limit=100`)
      .set(await auth(user));
    expect(res.status).toBe(200);
    return (res.body.items as Warning[]).filter((w) => w.employerId === employer);
  };

  /** Worker i (signed in by SMS code) files a wage complaint against the test employer. */
  const fileComplaint = async (i: number) => {
    const phone = `1360000${String(2000 + i)}`;
    await t.http().post('/api/v1/auth/otp/request').send({ phone });
    const v = await t
      .http()
      .post('/api/v1/auth/otp/verify')
      .send({ phone, code: t.sms.lastCode(phone) });
    return t
      .http()
      .post('/api/v1/complaints')
      .set({ authorization: `Bearer ${v.body.accessToken as string}` })
      .send(
        complaintBody({
          employer: { name: '浦东某某预警测试建筑有限公司' },
          claimedAmountFen: 600_000 + i * 1000,
          complainant: { name: `工人${i}`, idNumber: idNumber(i), phone },
        }),
      );
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (let i = 0; i < 12; i++) {
      const res = await fileComplaint(i);
      expect(res.status).toBe(201);
      complaintIds.push(res.body.id as string);
      employerId = res.body.employer.id as string;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the complaints rescore the employer: one red mass-dispute warning listing all twelve complaints', async () => {
    const [w] = await eventually(async () => {
      const ws = await warningsOf(employerId, 'MASS_DISPUTE');
      // Rescores may run while the twelve arrive (ORANGE on the surge first, RED from the tenth worker): wait for all.
      const hit = ws[0]?.hits.find((h) => h.ruleId === 'MD-COMMON-CLAIM-10');
      return ws.length === 1 && hit?.facts.maxCommonClaimWorkers30d === 12 ? ws : null;
    }, 30000);
    expect(w).toMatchObject({ level: 'RED', status: 'NEW', ruleSetVersion: 1 });
    const hit = w.hits.find((h) => h.ruleId === 'MD-COMMON-CLAIM-10')!;
    expect(hit.facts.maxCommonClaimWorkers30d).toBe(12);
    expect(new Set(hit.facts.commonClaimComplaintIds30d as string[])).toEqual(new Set(complaintIds));
    expect(hit.explanation).toContain('12名劳动者');
    // The surge rule fires too (12 complaints in a week, none before).
    expect(w.hits.map((h) => h.ruleId)).toContain('MD-SURGE-7D');
    // And 12 wage complaints in 30 days make an orange wage-arrears warning.
    const [wa] = await warningsOf(employerId, 'WAGE_ARREARS');
    expect(wa).toMatchObject({ level: 'ORANGE' });
    expect(wa.hits[0].facts.wageComplaints30d).toBe(12);
  });

  it('an ADMIN run scores every employer, reports its timings, and does not duplicate the warning', async () => {
    const forbidden = await t
      .http()
      .post('/api/v1/risk/runs')
      .set(await auth('supervisor'));
    expect(forbidden.status).toBe(403);
    const [before] = await warningsOf(employerId, 'MASS_DISPUTE');
    const run = await riskScan(t);
    expect(run.progress).toBe(100);
    expect(run.counts).toMatchObject({ ruleSetVersion: 1, raised: 0 });
    expect(run.counts.employers).toBeGreaterThanOrEqual(1);
    for (const k of ['featureSqlMs', 'evaluateMs', 'writeMs', 'durationMs'])
      expect(typeof run.counts[k]).toBe('number');
    const after = await warningsOf(employerId, 'MASS_DISPUTE');
    expect(after).toHaveLength(1);
    // A rescore that finds the same evidence changes nothing a staff member acts on: the version they read still holds.
    expect(after[0].version).toBe(before.version);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM risk_warnings WHERE employer_id = $1 AND kind = 'MASS_DISPUTE'`,
      [employerId],
    );
    expect(n).toBe(1);
  });

  it('the next day’s scan finding the same evidence moves the warning’s date, not its version: staff who read it yesterday still act on it', async () => {
    const scoring = t.app.get(RiskScoringService);
    const today = todayInShanghai();
    const [before] = await warningsOf(employerId, 'MASS_DISPUTE');
    const read = async () =>
      (
        await t.dataSource.query<{ as_of: string; version: number }[]>(
          `SELECT as_of::text, version FROM risk_warnings WHERE id = $1`,
          [before.id],
        )
      )[0];
    await scoring.score({ employerIds: [employerId], asOf: addDays(today, 1) });
    const [next] = await warningsOf(employerId, 'MASS_DISPUTE');
    expect(next.hits).toEqual(before.hits);
    expect(await read()).toEqual({ as_of: addDays(today, 1), version: before.version });
    // Back to today's date for the tests below, still without a new version.
    await scoring.score({ employerIds: [employerId], asOf: today });
    expect(await read()).toEqual({ as_of: today, version: before.version });
  });

  it('escalates a red warning not acknowledged within 2 hours to the supervisors, once', async () => {
    const [w] = await warningsOf(employerId, 'MASS_DISPUTE');
    const svc = t.app.get(RiskWarningsService);
    const redSince = new Date(
      (
        await t.dataSource.query<{ red_since: Date }[]>('SELECT red_since FROM risk_warnings WHERE id = $1', [
          w.id,
        ])
      )[0].red_since,
    );
    expect(
      (await svc.escalateOverdue(new Date(redSince.getTime() + 2 * 3600_000 - 60_000))).escalated,
    ).toEqual([]);
    expect(
      (await svc.escalateOverdue(new Date(redSince.getTime() + 2 * 3600_000 + 60_000))).escalated,
    ).toEqual([w.id]);
    expect((await svc.escalateOverdue(new Date(redSince.getTime() + 3 * 3600_000))).escalated).toEqual([]);
    const [supervisor] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'supervisor'`,
    );
    const notes = await t.dataSource.query<{ dedup_key: string; channel: string; template: string }[]>(
      `SELECT dedup_key, channel, template FROM notifications WHERE subject_ref = $1`,
      [`risk-warning:${w.id}`],
    );
    expect(notes).toContainEqual({
      // One message per supervisor and red episode (the episode: when it turned red).
      dedup_key: `risk-escalate:${w.id}:${supervisor.id}@${redSince.getTime()}`,
      channel: 'IN_APP',
      template: 'RISK_RED_UNACKNOWLEDGED',
    });
    const detail = await t
      .http()
      .get(`/api/v1/risk/warnings/${w.id}`)
      .set(await auth('supervisor'));
    expect(detail.body.escalatedAt).not.toBeNull();
    // RAISED first (maybe ORANGE on the surge, then LEVEL_CHANGED to RED as the workers arrived), ESCALATED last.
    const actions = (detail.body as Warning).events!.map((e) => e.action);
    expect(actions[0]).toBe('RAISED');
    expect(actions.filter((a) => a === 'ESCALATED')).toHaveLength(1);
    expect(actions[actions.length - 1]).toBe('ESCALATED');
  });

  it('a rule edit makes a new version; invalid edits are refused with paths; old warnings keep their version', async () => {
    const current = await t
      .http()
      .get('/api/v1/risk/rule-sets/current')
      .set(await auth('supervisor'));
    expect(current.body.version).toBe(1);
    const rules = current.body.rules as { id: string; level: string; conditions: object }[];

    const bad = await t
      .http()
      .post('/api/v1/risk/rule-sets')
      .set(await auth('supervisor'))
      .send({
        rules: [
          ...rules,
          {
            id: 'X-BAD',
            kind: 'MASS_DISPUTE',
            level: 'PURPLE',
            conditions: { all: [{ fact: 'workersOnStrike', operator: 'isLarge', value: 1 }] },
            basis: 'x',
            explanation: 'x',
          },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('RULE_SET_INVALID');
    const i = rules.length;
    expect((bad.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual(
      [
        `/rules/${i}/basis`,
        `/rules/${i}/conditions/all/0/fact`,
        `/rules/${i}/conditions/all/0/operator`,
        `/rules/${i}/explanation`,
        `/rules/${i}/level`,
      ].sort(),
    );
    // Each as the validation pipe reports a field, in the request's language (zh-CN by default).
    expect(bad.body.details).toContainEqual(
      expect.objectContaining({
        field: `rules.${i}.level`,
        constraint: 'isIn',
        message: `rules.${i}.level 须为以下值之一：BLUE, YELLOW, ORANGE, RED`,
      }),
    );
    const mediator = await t
      .http()
      .post('/api/v1/risk/rule-sets')
      .set(await auth('mediator'))
      .send({ rules });
    expect(mediator.status).toBe(403);
    expect(
      (
        await t
          .http()
          .get('/api/v1/risk/rule-sets/current')
          .set(await auth('supervisor'))
      ).body.version,
    ).toBe(1);

    const edited = rules.map((r) => (r.id === 'WA-COMPLAINTS-30D' ? { ...r, level: 'RED' } : r));
    const ok = await t
      .http()
      .post('/api/v1/risk/rule-sets')
      .set(await auth('supervisor'))
      .send({ rules: edited, note: 'wage complaints weigh red during the campaign' });
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBe(2);
    const v1 = await t
      .http()
      .get('/api/v1/risk/rule-sets/1')
      .set(await auth('supervisor'));
    expect(v1.body.rules).toEqual(rules);
    const [w] = await warningsOf(employerId, 'MASS_DISPUTE');
    expect(w.ruleSetVersion).toBe(1);
  });

  it('lifecycle NEW → ACKNOWLEDGED → HANDLING → CLOSED with who did what; a rescore after closing raises a new warning only on new evidence, under the new version', async () => {
    const [w] = await warningsOf(employerId, 'MASS_DISPUTE', 'mediator');
    const worker = await t
      .http()
      .get('/api/v1/risk/warnings')
      .set(await auth('13800000000'));
    expect(worker.status).toBe(403);
    // The operators' account sees the warning but does not act on it (its acknowledging a red one would stop the
    // escalation to the street's supervisors).
    // Nor does an arbitrator, who may later judge the employer's dispute (回避).
    for (const user of ['admin', 'arbitrator'])
      for (const path of ['acknowledge', 'handling', 'close']) {
        const denied = await t
          .http()
          .post(`/api/v1/risk/warnings/${w.id}/${path}`)
          .set(await auth(user))
          .send({ version: w.version, disposal: '关闭' });
        expect([user, path, denied.status]).toEqual([user, path, 403]);
      }
    const seen = await t
      .http()
      .get(`/api/v1/risk/warnings/${w.id}`)
      .set(await auth('admin'));
    expect([seen.status, seen.body.status]).toEqual([200, 'NEW']);
    const ack = await t
      .http()
      .post(`/api/v1/risk/warnings/${w.id}/acknowledge`)
      .set(await auth('mediator'))
      .send({ version: w.version, note: '已电话联系企业' });
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('ACKNOWLEDGED');
    const again = await t
      .http()
      .post(`/api/v1/risk/warnings/${w.id}/acknowledge`)
      .set(await auth('mediator'))
      .send({ version: ack.body.version as number });
    expect(again.status).toBe(409);
    // The one ILLEGAL_TRANSITION shape (docs/state-machines.md): what the status still allows.
    expect(again.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { status: 'ACKNOWLEDGED', action: 'ACKNOWLEDGE', allowed: ['START_HANDLING', 'CLOSE'] },
    });
    const handling = await t
      .http()
      .post(`/api/v1/risk/warnings/${w.id}/handling`)
      .set(await auth('inspector'))
      .send({ version: ack.body.version as number });
    expect(handling.body.status).toBe('HANDLING');
    const noDisposal = await t
      .http()
      .post(`/api/v1/risk/warnings/${w.id}/close`)
      .set(await auth('inspector'))
      .send({ version: handling.body.version as number });
    expect(noDisposal.status).toBe(400);
    const closed = await t
      .http()
      .post(`/api/v1/risk/warnings/${w.id}/close`)
      .set(await auth('inspector'))
      .send({ version: handling.body.version as number, disposal: '企业已足额支付12名劳动者工资' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      disposal: '企业已足额支付12名劳动者工资',
      ruleSetVersion: 1,
    });
    const events = (closed.body as Warning).events!;
    expect(events.filter((e) => e.action !== 'LEVEL_CHANGED').map((e) => [e.action, e.actor.role])).toEqual([
      ['RAISED', null],
      ['ESCALATED', null],
      ['ACKNOWLEDGE', 'MEDIATOR'],
      ['START_HANDLING', 'INSPECTOR'],
      ['CLOSE', 'INSPECTOR'],
    ]);

    // The complaints are still there, but the closed warning covered them (the same rules and complaint ids): the
    // next scoring raises nothing. Before, it raised a new warning every night while they stayed in the window.
    const massDisputes = () =>
      t.dataSource.query<{ status: string; rule_set_version: number }[]>(
        `SELECT status, rule_set_version FROM risk_warnings WHERE employer_id = $1 AND kind = 'MASS_DISPUTE' ORDER BY created_at`,
        [employerId],
      );
    await t.app.get(RiskScoringService).rescoreEmployer(employerId);
    expect(await massDisputes()).toEqual([{ status: 'CLOSED', rule_set_version: 1 }]);
    // New evidence, a thirteenth worker's complaint: a new warning, under version 2; the closed one keeps 1.
    const thirteenth = await fileComplaint(12);
    expect([thirteenth.status, thirteenth.body.employer.id]).toEqual([201, employerId]);
    await t.app.get(RiskScoringService).rescoreEmployer(employerId);
    expect(await massDisputes()).toEqual([
      { status: 'CLOSED', rule_set_version: 1 },
      { status: 'NEW', rule_set_version: 2 },
    ]);
    const [wa] = await warningsOf(employerId, 'WAGE_ARREARS');
    expect(wa).toMatchObject({ level: 'RED', ruleSetVersion: 2 });
  });

  it('staff of another street do not see the warning (404 on the detail)', async () => {
    const [w] = await warningsOf(employerId, 'MASS_DISPUTE');
    const [{ id: otherStreet }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT code AS id FROM jurisdictions WHERE code LIKE '310115%' AND code <> '310115005' AND length(code) = 9 LIMIT 1`,
    );
    await t.dataSource.query(`UPDATE risk_warnings SET street_code = $1 WHERE id = $2`, [otherStreet, w.id]);
    const res = await t
      .http()
      .get(`/api/v1/risk/warnings/${w.id}`)
      .set(await auth('mediator'));
    expect(res.status).toBe(404);
    expect(
      (
        await t
          .http()
          .get(`/api/v1/risk/warnings/${randomUUID()}`)
          .set(await auth('supervisor'))
      ).status,
    ).toBe(404);
  });
  it('a version no rule set can have (beyond the integer column, zero, negative, not a number) is 404 RULE_SET_NOT_FOUND, never 500', async () => {
    for (const version of ['99999', '2147483648', '99999999999999999999', '0', '-1', 'abc', '1.5']) {
      const res = await t
        .http()
        .get(`/api/v1/risk/rule-sets/${version}`)
        .set(await auth('supervisor'));
      expect({ version, status: res.status, code: res.body.code }).toEqual({
        version,
        status: 404,
        code: 'RULE_SET_NOT_FOUND',
      });
    }
  });
});
