import type { ObjectLiteral } from 'typeorm';
import { idNumber } from '../../bench/lib/fixture-bodies';
import { User } from '../../src/auth/entities/user.entity';
import { ComplaintsService } from '../../src/complaints/complaints.service';
import { Complaint } from '../../src/complaints/entities/complaint.entity';
import { findRow, findRows, readRows } from '../../src/database/entity-rows';
import { WageCrimeThresholdRow } from '../../src/inspection/entities/wage-crime-threshold.entity';
import { Employer } from '../../src/reference/entities/employer.entity';
import { Organisation } from '../../src/reference/entities/organisation.entity';
import { OrganisationsRepository } from '../../src/reference/organisations.repository';
import { ReferenceRepository } from '../../src/reference/reference.repository';
import { AuthRepository } from '../../src/auth/auth.repository';
import { AuditRepository } from '../../src/audit/audit.repository';
import { CaseEvent } from '../../src/audit/entities/case-event.entity';
import { DeadlinesRepository } from '../../src/deadlines/deadlines.repository';
import { Clock } from '../../src/deadlines/entities/clock.entity';
import { ClockEventRow } from '../../src/deadlines/entities/clock-event.entity';
import { WorkerIdentity } from '../../src/workers/entities/worker-identity.entity';
import { GenericPlanReads } from '../../src/database/generic-plan';
import { prepared, preparedName } from '../../src/database/prepared-statements';
import { firstWords, readersOf, statementsDuring } from '../support/statements';
import { workingSlot } from '../support/session-slot';
import { applyForArbitration, bearer, fileComplaint, openMediation } from '../support/case-flow';
import {
  ArbitrationRepository,
  SUMMARY_COLUMNS as ARBITRATION_SUMMARY,
} from '../../src/arbitration/arbitration.repository';
import { InspectionCase } from '../../src/inspection/entities';
import {
  InspectionRepository,
  SUMMARY_COLUMNS as INSPECTION_SUMMARY,
} from '../../src/inspection/inspection.repository';
import { ArbitrationCase } from '../../src/arbitration/entities/arbitration-case.entity';
import { ComplaintsRepository } from '../../src/complaints/complaints.repository';
import { MediationAgreement } from '../../src/mediation/entities/mediation-agreement.entity';
import { MediationCase } from '../../src/mediation/entities/mediation-case.entity';
import { MediationInstalment } from '../../src/mediation/entities/mediation-instalment.entity';
import { MediationSession } from '../../src/mediation/entities/mediation-session.entity';
import { MediationRepository } from '../../src/mediation/mediation.repository';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';
import { RiskRepository } from '../../src/risk/risk.repository';
import { featureQuery, featureSql } from '../../src/risk/risk-features.sql';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';

/**
 * Issue 17: the short statements every intake runs are named prepared statements — parsed once per connection and,
 * once PostgreSQL settles on the generic plan, planned once — while every other statement goes out as before.
 */
describe('prepared statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
  });
  afterAll(async () => {
    await t.close();
  });

  /** The named statements of the runner's own session, as PostgreSQL keeps them. */
  const sessionStatements = (q: (sql: string) => Promise<unknown>) =>
    q(
      `SELECT name, statement, from_sql, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY name`,
    ) as Promise<
      { name: string; statement: string; from_sql: boolean; generic_plans: string; custom_plans: string }[]
    >;

  it('a marked text is prepared once per connection and then planned once; an unmarked one is not prepared', async () => {
    const marked = prepared('SELECT $1::int + 1 AS next -- prepared-statements spec');
    const unmarked = 'SELECT $1::int + 2 AS next -- prepared-statements spec';
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const answers: number[] = [];
      for (let i = 0; i < 8; i++) {
        answers.push(((await runner.query(marked, [i])) as { next: number }[])[0].next);
        answers.push(((await runner.query(unmarked, [i])) as { next: number }[])[0].next);
      }
      expect(answers).toEqual(Array.from({ length: 8 }, (_, i) => [i + 1, i + 2]).flat());
      const mine = (await sessionStatements((sql) => runner.query(sql))).filter((s) =>
        s.statement.includes('prepared-statements spec'),
      );
      // One statement of this session: the marked text under its name, sent by the protocol (not SQL PREPARE),
      // planned generically after PostgreSQL's five custom plans.
      expect(mine.map((s) => [s.name, s.statement, s.from_sql])).toEqual([
        [preparedName(marked), marked, false],
      ]);
      expect(Number(mine[0].custom_plans)).toBeLessThanOrEqual(5);
      expect(Number(mine[0].generic_plans)).toBeGreaterThanOrEqual(3);
    } finally {
      await runner.release();
    }
  });

  it("the platform's sessions never JIT-compile a plan, whatever its estimated cost", async () => {
    // A server built with LLVM (CI's PostgreSQL 15, the docker-compose image) compiles every plan estimated above
    // jit_above_cost; the nightly risk features took 6-7 times as long with it (bench/README.md, seventeenth pass).
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      expect(await runner.query(`SELECT current_setting('jit') AS jit`)).toEqual([{ jit: 'off' }]);
      await runner.startTransaction();
      await runner.query('SET LOCAL jit_above_cost = 0');
      const plan = JSON.stringify(
        await runner.query('EXPLAIN (ANALYZE, FORMAT JSON) SELECT sum(x) FROM generate_series(1, 1000) x'),
      );
      expect(plan).toContain('Execution Time');
      expect(plan).not.toContain('"JIT"');
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  });

  it('a marked statement that fails is not left half-known: the connection runs it again once it can succeed', async () => {
    const insert = prepared(
      'INSERT INTO rate_limit_hits (key, hits, window_ends) VALUES ($1, 1, now()) -- prepared-statements spec',
    );
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(insert, ['spec:failing']);
      await expect(runner.query(insert, ['spec:failing'])).rejects.toThrow(/duplicate key/);
      await runner.startTransaction();
      await expect(runner.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
      // The transaction is aborted: the marked statement fails as any would, and works after the rollback.
      await expect(runner.query(insert, ['spec:second'])).rejects.toThrow(/aborted/);
      await runner.rollbackTransaction();
      await runner.query(insert, ['spec:second']);
      const rows = (await runner.query(
        `SELECT key FROM rate_limit_hits WHERE key LIKE 'spec:%' ORDER BY key`,
      )) as { key: string }[];
      expect(rows.map((r) => r.key)).toEqual(['spec:failing', 'spec:second']);
    } finally {
      await runner.release();
    }
  });

  it("every statement of an intake but the transaction's ends is prepared", async () => {
    const token = await t.token('13800000000');
    const file = (key: string) =>
      t
        .http()
        .post('/api/v1/complaints')
        .set({ authorization: `Bearer ${token}`, 'idempotency-key': `prepared-${Date.now()}-${key}` })
        .send(complaintBody({ employer: { name: '上海预备语句公司' } }));
    // The first intake of a year creates its sequence and draws one number (the second draws a block of 32 for the
    // process: tracking-sequence.ts), and the first naming an employer records it.
    expect((await file('first')).status).toBe(201);
    expect((await file('block')).status).toBe(201);
    const during = await statementsDuring(() => file('second'));
    expect(during.result.status).toBe(201);
    // The session's state (prepared too) is read only when this process has not cached it in the last second.
    const sessionState = (sql: string) => sql.includes('revoked_access_tokens');
    const named = during.statements.filter((s) => preparedName(s.sql) !== undefined && !sessionState(s.sql));
    const words = (list: typeof during.statements) =>
      list.map((s) =>
        `${firstWords([s])[0]} ${/(?:INTO|UPDATE|FROM)\s+(\w+)/i.exec(s.sql)?.[1] ?? ''}`.trim(),
      );
    // (The rate limiter's hit is counted in the process and flushed with others: counted-here.ts.)
    expect(words(named)).toEqual([
      'SELECT', // the key's advisory lock and its record, one statement (FROM (VALUES (1)) LEFT JOIN idempotency_records)
      'SELECT users', // the worker's account and identity, and the employer (findRow)
      'SELECT worker_identities',
      'SELECT employers',
      'INSERT complaints', // its tracking number from the process's block (no statement)
      'WITH case_events', // its events, outbox rows, clock and the key record: one statement (writes.ts)
    ]);
    // What stays unnamed: the transaction's ends.
    const unnamed = during.statements.filter((s) => preparedName(s.sql) === undefined);
    expect(firstWords(unnamed)).toEqual(['START', 'COMMIT']);
  });

  it('every statement of an acknowledgement is prepared; there is no transaction', async () => {
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set({ authorization: `Bearer ${await t.token('13800000000')}` })
      .send(complaintBody({ employer: { name: '上海预备语句回执公司' } }));
    expect(res.status).toBe(201);
    const during = await statementsDuring(() =>
      t.app.get(ComplaintsService).acknowledge(res.body.id as string),
    );
    const sent = t.sms.sent.filter((m) => m.params.trackingNo === res.body.trackingNo);
    expect(sent).toHaveLength(1);
    const unnamed = during.statements.filter((s) => preparedName(s.sql) === undefined);
    expect(unnamed).toEqual([]);
    // The complaint; the delivery's lock, claim with its attempt started, attempt end, unlock; the mark with its
    // event (one statement: writes.ts sendGuarded).
    expect(firstWords(during.statements)).toEqual(['SELECT', 'SELECT', 'INSERT', 'UPDATE', 'SELECT', 'WITH']);
  });

  it('findRow/findRows give the objects em.find gives: every selected column under its property, through its transformer', async () => {
    const em = t.dataSource.manager;
    const token = await t.token('13800000000');
    const profile = await t
      .http()
      .post('/api/v1/my/profile')
      .set({ authorization: `Bearer ${token}` })
      .send({ realName: '王预备', idNumber: idNumber(91) });
    expect(profile.status).toBeLessThan(300);
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set({ authorization: `Bearer ${token}` })
      .send(complaintBody({ employer: { name: '上海读法比较公司' }, complainant: undefined }));
    expect([filed.status, filed.body.details]).toEqual([201, undefined]);
    const complaint = await em.findOneByOrFail(Complaint, { id: filed.body.id as string });
    const same = async <T extends ObjectLiteral>(
      target: new () => T,
      where: string,
      params: unknown[],
      found: T,
    ) => {
      const [row] = await findRows(em, target, where, params);
      expect(row).toBeInstanceOf(target);
      expect(row).toStrictEqual(found);
      expect(await findRow(em, target, where, params)).toStrictEqual(found);
    };
    await same(Complaint, 'id = $1', [complaint.id], complaint);
    const worker = await em.findOneByOrFail(User, { id: complaint.complainantUserId! });
    await same(User, 'id = $1', [worker.id], worker);
    await same(
      WorkerIdentity,
      'user_id = $1',
      [worker.id],
      await em.findOneByOrFail(WorkerIdentity, { userId: worker.id }),
    );
    await same(
      Employer,
      'id = ANY($1::uuid[])',
      [[complaint.employerId]],
      await em.findOneByOrFail(Employer, { id: complaint.employerId }),
    );
    // A bigint column read through its transformer (bigintToNumber).
    const threshold = (await em.find(WageCrimeThresholdRow, { take: 1 }))[0];
    expect(typeof threshold.singleWorkerFen).toBe('number');
    await same(WageCrimeThresholdRow, 'id = $1', [threshold.id], threshold);
    expect(await findRow(em, Complaint, 'id = $1', ['00000000-0000-7000-8000-000000000000'])).toBeNull();
  });

  it("the case views' reads by ids (clocks, their events, timelines, public bodies) give what em.find gives, in order", async () => {
    const em = t.dataSource.manager;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set({ authorization: `Bearer ${await t.token('13800000000')}` })
      // the worker's profile (the test above) names the complainant
      .send(complaintBody({ employer: { name: '上海视图读法公司' }, complainant: undefined }));
    expect([filed.status, filed.body.details]).toEqual([201, undefined]);
    const deadlines = t.app.get(DeadlinesRepository);
    const clocks = await em.find(Clock, {
      where: { caseType: 'COMPLAINT', caseId: filed.body.id as string },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    expect(clocks.length).toBeGreaterThan(0);
    for (const [seq, type] of [
      [1, 'PAUSE'],
      [2, 'RESUME'],
    ] as const)
      await deadlines.appendEvent(em, clocks[0].id, seq, {
        type,
        date: '2026-12-01',
        amount: null,
        reason: '材料补正',
        actorUserId: null,
      });
    const events = await deadlines.eventsOf(em, [clocks[0].id]);
    expect(events.map((e) => e.type)).toEqual(['PAUSE', 'RESUME']);
    expect(events).toStrictEqual(
      await em.find(ClockEventRow, { where: { clockId: clocks[0].id }, order: { seq: 'ASC' } }),
    );
    // The clocks with their events read in the same query: the events' fields as the rows hold them, in order.
    const fields = ({ type, date, amount, reason, actorUserId }: ClockEventRow) => ({
      type,
      date,
      amount,
      reason,
      actorUserId,
    });
    const withEvents = clocks.map((clock, i) => ({ clock, events: i === 0 ? events.map(fields) : [] }));
    expect(await deadlines.clocksOfCases(em, 'COMPLAINT', [filed.body.id as string])).toStrictEqual(
      withEvents,
    );
    expect(
      await deadlines.clocksOfCaseRefs(em, [{ caseType: 'COMPLAINT', caseId: filed.body.id as string }]),
    ).toStrictEqual(withEvents);
    const timeline = await em.find(CaseEvent, {
      where: { caseType: 'COMPLAINT', caseId: filed.body.id as string },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    expect(timeline.length).toBeGreaterThan(0);
    expect(
      await t.app
        .get(AuditRepository)
        .timelines(em, [{ caseType: 'COMPLAINT', caseId: filed.body.id as string }]),
    ).toStrictEqual(timeline);
    const bodies = await em.find(Organisation, { order: { id: 'ASC' } });
    const read = await t.app.get(OrganisationsRepository).findOrganisations(
      em,
      bodies.map((o) => o.id),
    );
    expect(read.sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual(bodies);
  });

  it("a mediation case's sessions and agreement with its instalments come in its row, in order, as em.find reads them", async () => {
    const em = t.dataSource.manager;
    const { id: complaintId } = await fileComplaint(t, {
      employerName: '上海分期读法公司',
      target: 'MEDIATION',
      body: { complainant: undefined },
    });
    const m = await openMediation(t, 'mediator', complaintId);
    // Two sessions, the later scheduled first, one with a time of sub-second precision.
    let version = m.version;
    for (const [days, hhmm, where] of [
      [2, '14:00', { place: '陆家嘴街道人民调解委员会 203室' }],
      [1, '10:00', { onlineLink: 'https://meet.example.cn/order' }],
    ] as const) {
      const startsAt = new Date(Date.parse(workingSlot(days, hhmm)) + 123).toISOString();
      const s = await t
        .http()
        .post(`/api/v1/mediation/cases/${m.id}/sessions`)
        .set(await bearer(t, 'mediator'))
        .send({ version, startsAt, ...where });
      expect(s.status).toBe(201);
      version = s.body.version as number;
    }
    const closed = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/close`)
      .set(await bearer(t, 'mediator'))
      .send({
        version,
        outcome: 'AGREEMENT',
        agreement: {
          claims: [{ description: '拖欠工资', amountFen: 900_000 }],
          instalments: [
            { dueOn: todayInShanghai(), amountFen: 400_000 },
            // Within a year of signing (调解仲裁法 第二十七条: agreementErrors).
            { dueOn: addDays(todayInShanghai(), 180), amountFen: 500_000 },
          ],
        },
      });
    expect(closed.status).toBe(200);
    const [first] = closed.body.agreement.instalments as { id: string }[];
    const paid = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/instalments/${first.id}/paid`)
      .set(await bearer(t, 'mediator'))
      .send({ version: closed.body.version });
    expect(paid.status).toBe(200);
    const agreement = await em.findOneByOrFail(MediationAgreement, { caseId: m.id });
    const instalments = (
      await em.find(MediationInstalment, { where: { agreementId: agreement.id }, order: { seq: 'ASC' } })
    ).map(({ id, seq, dueOn, amountFen, paidOn, status }) => ({ id, seq, dueOn, amountFen, paidOn, status }));
    expect(instalments.map((i) => i.status)).toEqual(['PAID', 'DUE']);
    const sessions = (
      await em.find(MediationSession, { where: { caseId: m.id }, order: { startsAt: 'ASC', id: 'ASC' } })
    ).map(({ id, startsAt, place, onlineLink, notes, cancelledAt }) => ({
      id,
      startsAt: startsAt.toISOString(),
      place,
      onlineLink,
      notes,
      cancelledAt: cancelledAt?.toISOString() ?? null,
    }));
    expect(sessions.map((x) => x.onlineLink !== null)).toEqual([true, false]);
    // Closed before either: both called off.
    expect(sessions.map((x) => x.cancelledAt !== null)).toEqual([true, true]);
    const { status, claims, totalFen, signedOn } = agreement;
    // A case with nothing yet, and an id of no case at all.
    const { id: bareComplaintId } = await fileComplaint(t, {
      employerName: '上海无会期调解公司',
      target: 'MEDIATION',
      body: { complainant: undefined },
    });
    const bare = await openMediation(t, 'mediator', bareComplaintId);
    const mediation = t.app.get(MediationRepository);
    const read = await mediation.detailsOfCases(em, [m.id, bare.id, complaintId]);
    // And whom each case is about (the complaint's complainant and the case's employer: list-queries, mediation).
    const parties = (id: string, employerName: string) =>
      expect.objectContaining({
        complaintId: id,
        kind: 'COMPLAINT',
        employerName,
        employerNameConfirmed: false,
      });
    const expected = new Map([
      [
        m.id,
        {
          sessions,
          agreement: { status, claims, totalFen, signedOn, instalments },
          parties: parties(complaintId, '上海分期读法公司'),
        },
      ],
      [bare.id, { sessions: [], agreement: null, parties: parties(bareComplaintId, '上海无会期调解公司') }],
    ]);
    expect(read).toStrictEqual(expected);
    // The worker's file reads the same with the complaint's cases (one statement).
    const file = await statementsDuring(() =>
      readRows(em, mediation.casesOfComplaintOrDisputeRead(complaintId, null)),
    );
    expect(file.result.cases.map((c) => c.id)).toEqual([m.id]);
    expect(file.result.details).toStrictEqual(new Map([[m.id, expected.get(m.id)]]));
    expect(file.statements.filter((x) => x.sql.includes('mediation_sessions'))).toHaveLength(1);
    // A list page reads the same in its own statement, for the cases of the page only.
    const [{ street }] = await em.query<{ street: string }[]>(
      `SELECT street_code AS street FROM mediation_cases WHERE id = $1`,
      [m.id],
    );
    // The statements that read sessions: the page's own, and no other (not detailsOfCases' text).
    const detailReads = (d: { statements: { sql: string }[] }) =>
      readersOf(d.statements, 'mediation_sessions', 'FROM "mediation_cases" "m"');
    const listed = await statementsDuring(() => mediation.list(em, [street], { limit: 100 }));
    const page = listed.result.page.items.map((c) => c.id);
    expect(page).toEqual(expect.arrayContaining([m.id, bare.id]));
    expect([...listed.result.details.keys()]).toEqual(page);
    expect(new Map([m.id, bare.id].map((id) => [id, listed.result.details.get(id)]))).toStrictEqual(expected);
    expect(detailReads(listed)).toEqual([true]);
    // The builder's other shapes: a bound filter, a cursor.
    const filtered = await statementsDuring(() =>
      mediation.list(em, [street], { limit: 100, status: 'AGREEMENT' }),
    );
    expect(filtered.result.details.get(m.id)).toStrictEqual(expected.get(m.id));
    expect(detailReads(filtered)).toEqual([true]);
    const newest = await mediation.list(em, [street], { limit: 1 });
    const after = await statementsDuring(() =>
      mediation.list(em, [street], { limit: 100, cursor: newest.page.nextCursor! }),
    );
    expect(after.result.page.items.length).toBeGreaterThan(0);
    expect([...after.result.details.keys()]).toEqual(after.result.page.items.map((c) => c.id));
    expect(detailReads(after)).toEqual([true]);
  });

  it('a read by several keys settles on a generic plan (key lists), and reads what the array form reads', async () => {
    const em = t.dataSource.manager;
    // Three complaints, three employers and their clocks. The worker's profile, once an earlier test's filing made
    // one, names the complainant; before it, the complaint must.
    const token = await t.token('13800000000');
    for (const name of ['上海键表一公司', '上海键表二公司', '上海键表三公司']) {
      const body = complaintBody({ employer: { name } });
      const post = (b: object) =>
        t
          .http()
          .post('/api/v1/complaints')
          .set({ authorization: `Bearer ${token}` })
          .send(b);
      let filed = await post({ ...body, complainant: undefined });
      if (filed.status === 400) filed = await post(body);
      expect([filed.status, filed.body.details]).toEqual([201, undefined]);
    }
    const bodies = (await em.find(Organisation, { order: { id: 'ASC' }, take: 3 })).map((o) => o.id);
    const employers = (await em.find(Employer, { order: { id: 'ASC' }, take: 3 })).map((e) => e.id);
    const clocks = await em.find(Clock, { order: { id: 'ASC' }, take: 3 });
    const users = (await em.find(User, { order: { id: 'ASC' }, take: 3 })).map((u) => u.id);
    expect([bodies.length, employers.length, clocks.length, users.length]).toEqual([3, 3, 3, 3]);
    const deadlines = t.app.get(DeadlinesRepository);
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const m = runner.manager;
      // One after another: the runner is one connection (pg 9 refuses a query sent while another runs).
      const reads = async (n: number) =>
        [
          await t.app.get(OrganisationsRepository).findOrganisations(m, bodies.slice(0, n)),
          await t.app.get(ReferenceRepository).employersByIds(m, employers.slice(0, n)),
          await deadlines.clocksOfCaseRefs(m, clocks.slice(0, n)),
          await deadlines.eventsOf(
            m,
            clocks.slice(0, n).map((c) => c.id),
          ),
          await t.app.get(AuthRepository).accountsByIds(m, users.slice(0, n)),
        ] as const;
      for (let i = 0; i < 8; i++) for (const n of [1, 3]) await reads(n);
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
      const [orgs, emps, clockRead, , accounts] = await reads(3);
      const clockRows = clockRead.map((r) => r.clock);
      expect(ids(orgs)).toEqual(bodies);
      expect(ids(emps)).toEqual(employers);
      expect(ids(clockRows)).toEqual(
        ids(
          await em.query(
            `SELECT id FROM clocks WHERE (case_type, case_id) IN (SELECT * FROM unnest($1::varchar[], $2::uuid[]))`,
            [clocks.map((c) => c.caseType), clocks.map((c) => c.caseId)],
          ),
        ),
      );
      expect(ids(accounts)).toEqual(users);
      const session = await sessionStatements((sql) => runner.query(sql));
      const mine = session.filter((s) => s.statement.includes('ARRAY['));
      // The texts with one key and with four (three padded): after PostgreSQL's five custom plans, each is planned
      // once, generically.
      const generic = (table: string, slots: number) =>
        mine
          .filter((p) => p.statement.includes(table) && (p.statement.match(/\$\d+/g) ?? []).length === slots)
          .map((p) => Number(p.generic_plans) >= 3);
      for (const table of ['FROM organisations', 'FROM employers', 'FROM clock_events', 'FROM users'])
        for (const slots of [1, 4])
          expect([table, slots, generic(table, slots)]).toEqual([table, slots, [true]]);
      // The (type, id) pairs of one case. Whether the padded four pairs go generic depends on the table's statistics:
      // on the pudong set they do (bench/README.md, ninth pass); on this test's few rows the custom plans are cheaper.
      const pair = session.filter((p) =>
        /\(case_type, case_id\) IN \(\(\$1::varchar, \$2::uuid\)\) /.test(p.statement),
      );
      expect(pair.map((p) => Number(p.generic_plans) >= 3)).toEqual([true]);
    } finally {
      await runner.release();
    }
  });

  it("the rescore's feature statement is a named text with the keys in it, on its generic plan, reading what the general text reads", async () => {
    const em = t.dataSource.manager;
    const employers = (await em.find(Employer, { order: { id: 'ASC' }, take: 3 })).map((e) => e.id);
    expect(employers).toHaveLength(3);
    const today = todayInShanghai();
    const risk = t.app.get(RiskRepository);
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const byEmployer = (rows: { employer_id: string }[]) =>
        [...rows].sort((a, b) => (a.employer_id < b.employer_id ? -1 : 1));
      for (let i = 0; i < 7; i++)
        for (const n of [1, 3])
          await risk.features(runner.manager, {
            days: [today],
            employerIds: employers.slice(0, n),
            activeOnly: false,
          });
      for (const n of [1, 3]) {
        const keyed = await risk.features(runner.manager, {
          days: [today],
          employerIds: employers.slice(0, n),
          activeOnly: false,
        });
        const general = await runner.query(featureSql(), [[today], employers.slice(0, n), false]);
        expect(keyed).toHaveLength(n);
        // The repository turns the numbers PostgreSQL sends as text into numbers; compare the raw rows.
        const [text, params] = featureQuery({
          days: [today],
          employerIds: employers.slice(0, n),
          activeOnly: false,
        });
        expect(text).not.toBe(featureSql());
        const raw = await runner.query(text, params);
        expect(byEmployer(raw)).toEqual(byEmployer(general));
      }
      // The repository's calls ran on the generic-plan pool (database/generic-plan.ts), one after another: on the
      // one connection they opened, which this read (a marked text, so sent there too) is given again.
      const reads = t.app.get(GenericPlanReads);
      const session = await sessionStatements((sql) => reads.query(em, prepared(sql), []));
      const named = session.filter((p) => p.statement.includes('employer_risk_source'));
      // One text for one key and one for three (padded to four); the general text is not named.
      expect(named.map((p) => (p.statement.match(/\$\d+::uuid\b/g) ?? []).length).sort()).toEqual([1, 4]);
      // The repository's eight calls of each, every one on the generic plan, the first too.
      expect(named.map((p) => [Number(p.generic_plans), Number(p.custom_plans)])).toEqual([
        [8, 0],
        [8, 0],
      ]);
      // This test's own calls of the same texts on the platform's pool were left to PostgreSQL: planned for their
      // values.
      const own = (await sessionStatements((sql) => runner.query(sql))).filter((p) =>
        p.statement.includes('employer_risk_source'),
      );
      expect(own.map((p) => [Number(p.generic_plans), Number(p.custom_plans)])).toEqual([
        [0, 1],
        [0, 1],
      ]);
    } finally {
      await runner.release();
    }
  });

  it('a list page is the objects getMany builds; a page of the scope alone is a named statement, a filtered one is not', async () => {
    const em = t.dataSource.manager;
    const street = '310115005';
    // The worker has a verified identity (an earlier case): the complaints are filed in their own name.
    const own = { body: { complainant: undefined } };
    const { id: routed } = await fileComplaint(t, {
      employerName: '上海列表页比较公司',
      target: 'MEDIATION',
      ...own,
    });
    await openMediation(t, 'mediator', routed);
    for (let i = 0; i < 3; i++) await fileComplaint(t, { employerName: `上海列表页比较公司${i}`, ...own });
    const complaints = t.app.get(ComplaintsRepository);
    const mediation = t.app.get(MediationRepository);
    /** What getMany gives for the same rows: the builder's page as keysetPage ran it before (issue 17). */
    const byGetMany = <T extends ObjectLiteral>(target: new () => T, alias: string, column: string) =>
      em
        .createQueryBuilder(target, alias)
        .where(`${alias}.${column} LIKE :p`, { p: `${street}%` })
        .orderBy(`${alias}.created_at`, 'DESC')
        .addOrderBy(`${alias}.id`, 'DESC')
        .getMany();
    const all = await byGetMany(Complaint, 'c', 'workplace_street_code');
    expect(all.length).toBeGreaterThanOrEqual(4);
    const scope = { jurisdictionPrefixes: [street] };
    const first = await statementsDuring(() => complaints.list(em, scope, { limit: 2 }));
    const second = await statementsDuring(() =>
      complaints.list(em, scope, { limit: 2, cursor: first.result.nextCursor! }),
    );
    expect(first.result.items).toStrictEqual(all.slice(0, 2));
    expect(first.result.items[0]).toBeInstanceOf(Complaint);
    expect(second.result.items).toStrictEqual(all.slice(2, 4));
    const listText = (d: { statements: { sql: string }[] }) =>
      d.statements.map((x) => x.sql).filter((sql) => sql.includes('FROM "complaints" "c"'));
    expect(listText(first).map(preparedName)).toEqual([expect.stringMatching(/^lrp_/)]);
    expect(listText(second).map(preparedName)).toEqual([expect.stringMatching(/^lrp_/)]);
    // A filter's value is bound: that page is planned for it each time, not named.
    const submitted = await statementsDuring(() =>
      complaints.list(em, scope, { limit: 50, status: 'SUBMITTED' }),
    );
    expect(submitted.result.items).toStrictEqual(
      await em
        .createQueryBuilder(Complaint, 'c')
        .where('c.workplace_street_code LIKE :p AND c.status = :s', { p: `${street}%`, s: 'SUBMITTED' })
        .orderBy('c.created_at', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .take(50)
        .getMany(),
    );
    expect(submitted.result.items.length).toBeGreaterThan(0);
    expect(listText(submitted).map(preparedName)).toEqual([undefined]);
    // Another entity, with its own columns and transformers.
    const cases = (await mediation.list(em, [street], { limit: 50 })).page;
    expect(cases.items.length).toBeGreaterThan(0);
    expect(cases.items).toStrictEqual((await byGetMany(MediationCase, 'm', 'street_code')).slice(0, 50));
    // An arbitration commission's queue: the commission's id is written into the text, so the page of the queue
    // is named too, and it reads what the bound form reads.
    const { id: arbitrationRouted } = await fileComplaint(t, {
      employerName: '上海仲裁列表页比较公司',
      target: 'ARBITRATION',
      ...own,
    });
    await applyForArbitration(t, '13800000000', arbitrationRouted);
    const [{ commissionId }] = await em.query<{ commissionId: string }[]>(
      `SELECT commission_id AS "commissionId" FROM arbitration_cases WHERE complaint_id = $1`,
      [arbitrationRouted],
    );
    const queue = await statementsDuring(() =>
      t.app.get(ArbitrationRepository).list(em, { commissionId }, { limit: 50 }),
    );
    expect(queue.result.page.items.length).toBeGreaterThan(0);
    // The queue reads its summaries' columns only: what getMany builds of the same partial select.
    expect(queue.result.page.items).toStrictEqual(
      await em
        .createQueryBuilder(ArbitrationCase, 'a')
        .select(ARBITRATION_SUMMARY.map((p) => `a.${p}`))
        .where('a.commission_id = :c', { c: commissionId })
        .orderBy('a.created_at', 'DESC')
        .addOrderBy('a.id', 'DESC')
        .take(50)
        .getMany(),
    );
    const queueText = queue.statements
      .map((x) => x.sql)
      .filter((sql) => sql.includes('FROM "arbitration_cases" "a"'));
    expect(queueText.map(preparedName)).toEqual([expect.stringMatching(/^lrp_/)]);
    // The inspection list, also of its summaries' columns.
    const inspector = await bearer(t, 'inspector');
    const { id: toInspect } = await fileComplaint(t, {
      employerName: '上海监察列表页比较公司',
      target: 'INSPECTION',
      ...own,
    });
    const inspection = await t
      .http()
      .post('/api/v1/inspection/cases')
      .set(inspector)
      .send({ complaintId: toInspect });
    expect(inspection.status).toBe(201);
    const inspections = await t.app.get(InspectionRepository).list(em, [street], { limit: 50 });
    expect(inspections.items.map((i) => i.id)).toContain(inspection.body.id);
    expect(inspections.items).toStrictEqual(
      await em
        .createQueryBuilder(InspectionCase, 'i')
        .select(INSPECTION_SUMMARY.map((p) => `i.${p}`))
        .where('i.jurisdiction_code LIKE :p', { p: `${street}%` })
        .orderBy('i.created_at', 'DESC')
        .addOrderBy('i.id', 'DESC')
        .take(50)
        .getMany(),
    );
  });

  it('every search is a named statement; a name search runs on its generic plan, after a count the process keeps', async () => {
    const auth = await bearer(t, 'mediator');
    const { trackingNo } = await fileComplaint(t, {
      employerName: '上海精确检索公司',
      body: { complainant: undefined },
    });
    const search = (q: string) =>
      statementsDuring(() => t.http().get('/api/v1/search').query({ q }).set(auth));
    const searchText = (d: { statements: { sql: string }[] }) =>
      d.statements.map((x) => x.sql).filter((sql) => /^\s*WITH mc AS/.test(sql));
    const byPhone = await search('13800000000');
    expect(byPhone.result.status).toBe(200);
    expect(byPhone.result.body.items.length).toBeGreaterThan(0);
    expect(searchText(byPhone).map(preparedName)).toEqual([expect.stringMatching(/^lrp_/)]);
    const byNumber = await search(trackingNo);
    expect(byNumber.result.status).toBe(200);
    expect(byNumber.result.body.items.map((i: { trackingNo: string }) => i.trackingNo)).toContain(trackingNo);
    expect(searchText(byNumber).map(preparedName)).toEqual([expect.stringMatching(/^lrp_/)]);
    // A name: the count of the employers it matches, then the search on its generic plan from the first call
    // (seventeenth pass), both named. The process keeps the count for a minute: the same name again is one search.
    const byName = await search('列表页比较');
    expect(byName.result.status).toBe(200);
    expect(byName.result.body.items.length).toBeGreaterThan(0);
    expect(searchText(byName).map(preparedName)).toEqual([expect.stringMatching(/^lrp_/)]);
    const sqls = byName.statements.map((x) => x.sql);
    expect(sqls.filter((sql) => /count\(\*\)::int AS n/.test(sql)).map(preparedName)).toEqual([
      expect.stringMatching(/^lrp_/),
    ]);
    // On the generic-plan pool (generic-plan.e2e-spec.ts): one statement, no transaction around it.
    const named = byName.statements.find((x) => /^\s*WITH mc AS/.test(x.sql))!;
    expect((named.runner as { connection: unknown }).connection).not.toBe(t.dataSource);
    expect(sqls.filter((sql) => /^(BEGIN|START TRANSACTION|COMMIT|SET )/i.test(sql.trim()))).toEqual([]);
    const again = await search('列表页比较');
    expect(again.result.body).toEqual(byName.result.body);
    expect(again.statements.filter((x) => /count\(\*\)::int AS n/.test(x.sql))).toEqual([]);
    expect(searchText(again)).toEqual(searchText(byName));
  });

  it("a worker's own complaints page is one named statement for every worker, its user id bound as a key", async () => {
    const em = t.dataSource.manager;
    const own = { body: { complainant: undefined } };
    for (let i = 0; i < 3; i++) await fileComplaint(t, { employerName: `上海本人列表公司${i}`, ...own });
    const [{ uid }] = await em.query<{ uid: string }[]>(
      `SELECT complainant_user_id AS uid FROM complaints WHERE complainant_user_id IS NOT NULL
        GROUP BY complainant_user_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const complaints = t.app.get(ComplaintsRepository);
    const byGetMany = await em
      .createQueryBuilder(Complaint, 'c')
      .where('c.complainant_user_id = :uid', { uid })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .getMany();
    expect(byGetMany.length).toBeGreaterThanOrEqual(3);
    const scope = { complainantUserId: uid };
    const first = await statementsDuring(() => complaints.list(em, scope, { limit: 2 }));
    const second = await statementsDuring(() =>
      complaints.list(em, scope, { limit: 2, cursor: first.result.nextCursor! }),
    );
    expect(first.result.items).toStrictEqual(byGetMany.slice(0, 2));
    expect(second.result.items).toStrictEqual(byGetMany.slice(2, 4));
    const listText = (d: { statements: { sql: string }[] }) =>
      d.statements.map((x) => x.sql).filter((sql) => sql.includes('FROM "complaints" "c"'));
    expect(listText(first).map(preparedName)).toEqual([expect.stringMatching(/^lrp_/)]);
    expect(listText(second).map(preparedName)).toEqual([expect.stringMatching(/^lrp_/)]);
    // The user id is bound, not written in: another worker's page is the same statement.
    const other = await statementsDuring(() =>
      complaints.list(em, { complainantUserId: '00000000-0000-4000-8000-000000000000' }, { limit: 2 }),
    );
    expect(other.result.items).toEqual([]);
    expect(listText(other)).toEqual(listText(first));
    // A filter's value is still planned for it: a worker's page filtered by status is not named.
    const filtered = await statementsDuring(() =>
      complaints.list(em, scope, { limit: 2, status: 'SUBMITTED' }),
    );
    expect(listText(filtered).map(preparedName)).toEqual([undefined]);
  });

  it("a complaint's visibility check is a named read by key, for staff (by scope) and for its complainant", async () => {
    const own = { body: { complainant: undefined } };
    const { id } = await fileComplaint(t, { employerName: '上海可见性核对公司', ...own });
    const read = (user: string) =>
      statementsDuring(async () =>
        t
          .http()
          .get(`/api/v1/complaints/${id}`)
          .set(await bearer(t, user)),
      );
    const check = (d: { statements: { sql: string }[] }) =>
      d.statements.map((x) => x.sql).filter((sql) => /FROM complaints WHERE id = \$1 AND/.test(sql));
    for (const user of ['mediator', '13800000000']) {
      const d = await read(user);
      expect([user, d.result.status]).toEqual([user, 200]);
      expect(check(d).map(preparedName)).toEqual([expect.stringMatching(/^lrp_/)]);
    }
    // Out of scope: the same read finds nothing (complaints.e2e-spec covers the 404s of every path).
    const other = await t.app
      .get(ComplaintsRepository)
      .findVisible(t.dataSource.manager, id, { jurisdictionPrefixes: ['310115006'] });
    expect(other).toBeNull();
  });
});
