import { randomUUID } from 'node:crypto';
import { todayInShanghai } from '../../src/calendar/local-date';
import { addMonths } from '../../src/compliance/blacklist.rules';
import { idNumberCheckChar } from '../../src/common/validation/id-number';
import { recordListableViolation } from '../support/case-flow';
import { LogSink } from '../support/log-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

/**
 * The persons listed with the employer (当事人, 人社部令第45号 第五条: 该用人单位及其法定代表人或者主要负责人、直接负责的
 * 主管人员和其他直接责任人员): recorded with the listing (ID number encrypted), shown to staff by role, published with
 * their names and masked ID numbers, looked up by ID number, and never in a log or the audit trail in plaintext.
 */
describe('blacklist persons (当事人)', () => {
  let t: TestApp;
  const logs = new LogSink();
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  const idNumber = (body17: string) => `${body17}${idNumberCheckChar(body17)}`;
  let n = 0;

  const legalRep = { role: 'LEGAL_REPRESENTATIVE', name: '赵法代', idNumber: idNumber('31011519700202003') };
  const manager = { role: 'DIRECTLY_RESPONSIBLE', name: '钱主管', idNumber: idNumber('31011519820315004') };

  const employer = async (name: string) => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, address, source) VALUES ($1, $2, $2, '浦东新区世纪大道1号', 'REGISTER')`,
      [id, name],
    );
    return id;
  };
  /** A listable violation of a new employer, noticed on it and its `persons`, all stated on `on`: ready to list. */
  const listable = async (name: string, on = today, persons = [legalRep, manager]) => {
    const e = await employer(name);
    const violationId = await recordListableViolation(t, e, on);
    const notice = await t
      .http()
      .post(`/api/v1/compliance/employers/${e}/blacklist-notices`)
      .set(await auth('supervisor'))
      .send({ violationId, noticedOn: on, responsiblePersons: persons });
    expect(notice.status).toBe(201);
    for (const by of [{}, ...persons.map((p) => ({ idNumber: p.idNumber }))]) {
      const stated = await t
        .http()
        .post(`/api/v1/compliance/blacklist-notices/${notice.body.id}/statement`)
        .set(await auth('supervisor'))
        .send({ receivedOn: on, summary: '单位陈述资金困难，经核实不予采纳', ...by });
      expect(stated.status).toBe(200);
    }
    return { e, v: violationId };
  };
  const list = async (e: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/compliance/employers/${e}/blacklist`)
      .set(await auth('supervisor'))
      .send(body);
  const lookup = async (user: string, id: string) =>
    t
      .http()
      .post('/api/v1/compliance/blacklist-persons/lookup')
      .set(await auth(user))
      .send({ idNumber: id });
  const record = async (e: string, user: string) => {
    const res = await t
      .http()
      .get(`/api/v1/compliance/employers/${e}`)
      .set(await auth(user));
    expect(res.status).toBe(200);
    return res.body as {
      blacklist: { id: string; persons: { role: string; name: string; idNumber: string }[] }[];
      events: { action: string; data: Record<string, unknown> }[];
    };
  };
  const masked = (id: string) => `${id.slice(0, 3)}***********${id.slice(-4)}`;

  beforeAll(async () => {
    t = await startTestApp({ logStream: logs, env: { LOG_LEVEL: 'info' } });
    await createAccount(t, { username: 'inspector-b', role: 'INSPECTOR', jurisdictions: ['310115007'] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('the listing records its persons: SUPERVISOR sees ID numbers in full (logged), INSPECTOR and ADMIN masked', async () => {
    const { e, v } = await listable(`浦东当事人测试有限公司${++n}`);
    const res = await list(e, { violationId: v, responsiblePersons: [legalRep, manager] });
    expect(res.status).toBe(201);
    expect(res.body.persons).toEqual([legalRep, manager]);

    expect((await record(e, 'supervisor')).blacklist[0].persons).toEqual([legalRep, manager]);
    for (const user of ['inspector', 'admin'])
      expect((await record(e, user)).blacklist[0].persons).toEqual([
        { ...legalRep, idNumber: masked(legalRep.idNumber) },
        { ...manager, idNumber: masked(manager.idNumber) },
      ]);
    const reads = await t.dataSource.query<{ role: string; purpose: string }[]>(
      `SELECT role, purpose FROM pii_access_log WHERE case_type = 'EMPLOYER' AND $1 = ANY(case_ids) ORDER BY accessed_at`,
      [e],
    );
    expect(reads.map((r) => [r.role, r.purpose])).toEqual([
      ['SUPERVISOR', 'compliance.blacklist'],
      ['SUPERVISOR', 'compliance.blacklist'],
    ]);

    // At rest: the ID number encrypted with its blind index, never in plaintext.
    const rows = await t.dataSource.query<Record<string, unknown>[]>(
      `SELECT p.* FROM wage_arrears_blacklist_persons p WHERE p.listing_id = $1 ORDER BY position`,
      [res.body.id],
    );
    expect(rows.map((r) => [r.role, r.name])).toEqual([
      ['LEGAL_REPRESENTATIVE', '赵法代'],
      ['DIRECTLY_RESPONSIBLE', '钱主管'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(legalRep.idNumber);
    // The audit trail names them by role and blind index only.
    const listed = (await record(e, 'supervisor')).events.find((x) => x.action === 'BLACKLIST_LISTED')!;
    expect(listed.data.persons).toEqual([
      { role: 'LEGAL_REPRESENTATIVE', idNumberBidx: rows[0].id_number_bidx },
      { role: 'DIRECTLY_RESPONSIBLE', idNumberBidx: rows[1].id_number_bidx },
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/赵法代|钱主管/);
    expect(logs.text).not.toContain(legalRep.idNumber);
    expect(logs.text).not.toContain(manager.idNumber);
    expect(logs.text).not.toContain('赵法代');
  });

  it('the public list shows the persons’ names and ID numbers but their last 4 characters', async () => {
    const name = `浦东当事人公开测试有限公司${++n}`;
    const { e, v } = await listable(name);
    expect((await list(e, { violationId: v, responsiblePersons: [legalRep, manager] })).status).toBe(201);
    const pub = await t.http().get('/api/v1/public/blacklist').query({ limit: 100 });
    expect(pub.status).toBe(200);
    const item = (pub.body.items as { employerName: string; persons: unknown[] }[]).find(
      (i) => i.employerName === name,
    )!;
    expect(item.persons).toEqual([
      {
        role: 'LEGAL_REPRESENTATIVE',
        name: '赵法代',
        idNumber: `**************${legalRep.idNumber.slice(-4)}`,
      },
      {
        role: 'DIRECTLY_RESPONSIBLE',
        name: '钱主管',
        idNumber: `**************${manager.idNumber.slice(-4)}`,
      },
    ]);
    expect(JSON.stringify(pub.body)).not.toContain(legalRep.idNumber.slice(0, 14));
  });

  it('400 with the fields: no 法定代表人 / 主要负责人, a repeated or invalid ID number, none or too many; nothing written', async () => {
    const { e, v } = await listable(`浦东当事人校验测试有限公司${++n}`);
    const fields = async (responsiblePersons: unknown) => {
      const res = await list(e, { violationId: v, responsiblePersons });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return (res.body.details as { field: string; constraint: string }[]).map((d) => [
        d.field,
        d.constraint,
      ]);
    };
    expect(await fields([manager])).toEqual([['responsiblePersons', 'headRequired']]);
    expect(
      await fields([legalRep, { ...manager, idNumber: legalRep.idNumber.toLowerCase(), role: 'PRINCIPAL' }]),
    ).toEqual([['responsiblePersons.1.idNumber', 'duplicateIdNumber']]);
    const badCheck = `${legalRep.idNumber.slice(0, 17)}${legalRep.idNumber[17] === '0' ? '1' : '0'}`;
    expect(await fields([{ ...legalRep, idNumber: badCheck }])).toEqual([
      ['responsiblePersons.0.idNumber', 'isChineseIdNumber'],
    ]);
    expect((await fields([{ ...legalRep, role: 'CHAIRMAN', name: '' }])).map(([f]) => f).sort()).toEqual([
      'responsiblePersons.0.name',
      'responsiblePersons.0.role',
    ]);
    expect((await fields([])).map(([f]) => f)).toEqual(['responsiblePersons']);
    expect((await fields(undefined)).map(([f]) => f)).toContain('responsiblePersons');
    expect((await fields(['x'])).map(([f]) => f)).toContain('responsiblePersons');
    const many = Array.from({ length: 21 }, (_, i) => ({
      ...manager,
      idNumber: idNumber(`3101151980010${String(1000 + i)}`),
    }));
    expect((await fields([legalRep, ...many])).map(([f]) => f)).toContain('responsiblePersons');
    expect((await record(e, 'supervisor')).blacklist).toEqual([]);
    const [{ count }] = await t.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM wage_arrears_blacklist_persons p JOIN wage_arrears_blacklist b ON b.id = p.listing_id
        WHERE b.employer_id = $1`,
      [e],
    );
    expect(count).toBe(0);
  });

  it('staff look a person up by ID number (in the body): listings of their jurisdiction; early removal ends theirs too', async () => {
    const person = { role: 'PRINCIPAL', name: '孙负责', idNumber: idNumber('31011519900909005') };
    const listedOn = addMonths(today, -8);
    const { e, v } = await listable(`浦东当事人查询测试有限公司${++n}`, listedOn, [person]);
    const listed = await list(e, { violationId: v, listedOn, responsiblePersons: [person] });
    expect(listed.status).toBe(201);

    const found = await lookup('inspector', person.idNumber.toLowerCase());
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      listed: true,
      listings: [
        expect.objectContaining({
          listingId: listed.body.id,
          employerId: e,
          status: 'LISTED',
          inForce: true,
          role: 'PRINCIPAL',
          name: '孙负责',
        }),
      ],
    });
    expect(JSON.stringify(found.body)).not.toContain(person.idNumber);
    // Another street's inspector finds nothing; an unknown number is not listed; a bad one is 400; ADMIN is 403.
    expect((await lookup('inspector-b', person.idNumber)).body).toEqual({ listed: false, listings: [] });
    expect((await lookup('inspector', legalRep.idNumber.replace(/^31/, '32'))).status).toBe(400);
    expect((await lookup('supervisor', idNumber('11010119991231009'))).body).toEqual({
      listed: false,
      listings: [],
    });
    expect((await lookup('admin', person.idNumber)).status).toBe(403);

    // 信用修复 removes the listing, and with it its persons.
    const removed = await t
      .http()
      .post(`/api/v1/compliance/blacklist/${listed.body.id}/early-removal`)
      .set(await auth('supervisor'))
      .send({ version: 1, correctedOn: addMonths(today, -7), commitmentOn: today });
    expect([removed.status, removed.body.status, removed.body.persons]).toEqual([200, 'REMOVED', [person]]);
    const after = await lookup('inspector', person.idNumber);
    expect(after.body).toMatchObject({ listed: false, listings: [{ status: 'REMOVED', inForce: false }] });
    const pub = await t.http().get('/api/v1/public/blacklist').query({ limit: 100 });
    expect(JSON.stringify(pub.body)).not.toContain('孙负责');
    expect(logs.text).not.toContain(person.idNumber);
  });
});
