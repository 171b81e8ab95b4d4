import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

const timestampOf = (m: { name: string }) => Number(/(\d{13})$/.exec(m.name)![1]);
import { PiiEncryptedAtRest1796400000100 } from '../../migrations/1796400000100-pii-encrypted-at-rest';
import { WorkerLoginPhone1796400000110 } from '../../migrations/1796400000110-worker-login-phone';
import { IdempotencyReferences1796400000120 } from '../../migrations/1796400000120-idempotency-references';
import { generatePiiKeySpec, PiiCipher } from '../../src/common/pii-crypto';
import { dataSourceOptions } from '../../src/data-source-options';
import { provideMigrationPiiKeys } from '../../src/database/migration-pii';
import { withDatabase } from '../support/global-setup';

/**
 * The migrations of issue 15 on a database that already holds personal data in plaintext: every row is encrypted
 * and indexed with the configured key, the plaintext columns are gone, and `down` brings the plaintext back.
 */
describe('migrating existing personal data (1796400000100..120)', () => {
  const server = process.env.TEST_SERVER_URL!;
  const name = `lrp_pii_mig_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(server, name);
  const keys = generatePiiKeySpec('m1');
  const pii = PiiCipher.fromSpec(keys);
  /** Issue 15's migrations; every earlier one runs first, then these with every later one. */
  const ours: { name: string }[] = [
    PiiEncryptedAtRest1796400000100,
    WorkerLoginPhone1796400000110,
    IdempotencyReferences1796400000120,
  ];
  /** Ours and every migration after them (the database as it was before issue 15 had none of them). */
  const first = Math.min(...ours.map(timestampOf));
  const fromOurs = (m: { name: string }) => timestampOf(m) >= first;
  const ids = { worker: randomUUID(), staff: randomUUID(), employer: randomUUID() };
  const complaints = [randomUUID(), randomUUID(), randomUUID()];
  let ds: DataSource;

  const q = <T>(sql: string, params: unknown[] = []) => ds.query<T>(sql, params);
  const columns = async (table: string) =>
    (
      await q<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1`,
        [table],
      )
    ).map((c) => c.column_name);

  beforeAll(async () => {
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    // The schema without issue 15's migrations, with plaintext rows in it.
    const before = new DataSource(
      dataSourceOptions(url, { migrations: MIGRATIONS.filter((m) => !fromOurs(m)) }),
    );
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    await before.query(
      `INSERT INTO jurisdictions (code, name, level, parent_code) VALUES ('310115', '浦东新区', 'DISTRICT', NULL),
              ('310115005', '测试街道', 'STREET', '310115')`,
    );
    await before.query(
      `INSERT INTO employers (id, name, name_normalised, source) VALUES ($1, '迁移测试公司', '迁移测试公司', 'REGISTER')`,
      [ids.employer],
    );
    await before.query(
      `INSERT INTO users (id, username, role) VALUES ($1, '13600006001', 'WORKER'), ($2, 'mediator-x', 'MEDIATOR')`,
      [ids.worker, ids.staff],
    );
    await before.query(
      `INSERT INTO worker_identities (user_id, real_name, id_number) VALUES ($1, '旧数据', '11010519491231002X')`,
      [ids.worker],
    );
    const rows: [string, string | null, string | null][] = [
      [complaints[0], '11010519491231002X', '13600006001'],
      [complaints[1], null, '13600006002'],
      [complaints[2], null, null],
    ];
    for (const [i, [id, idNumber, phone]] of rows.entries())
      await before.query(
        `INSERT INTO complaints (id, tracking_no, kind, status, category, channel, employer_id, workplace_street_code,
                                 affected_workers, facts, requests, complainant_user_id, complainant_id_number,
                                 complainant_phone, received_on, version)
         VALUES ($1, $2, 'COMPLAINT', 'SUBMITTED', 'WAGE_ARREARS', 'WEB', $3, '310115005', 1, '欠薪', '支付',
                 $4, $5, $6, '2026-11-01', 1)`,
        [id, `TS-MIG-${i}`, ids.employer, i === 0 ? ids.worker : null, idNumber, phone],
      );
    await before.query(
      `INSERT INTO otp_codes (id, phone, code_hash, expires_at) VALUES ($1, '13600006001', repeat('a', 64), now())`,
      [randomUUID()],
    );
    await before.query(
      `INSERT INTO login_failures (id, username) VALUES ($1, '13600006001'), ($2, 'mediator-x')`,
      [randomUUID(), randomUUID()],
    );
    await before.query(
      `INSERT INTO idempotency_records (scope, key, request_hash, response_status, response_body)
       VALUES ($1, 'k-1', repeat('b', 64), 201, $2), ('other:x', 'k-2', repeat('c', 64), 200, '{"ok":true}')`,
      [
        `complaint:${ids.worker}`,
        JSON.stringify({ id: complaints[0], complainant: { phone: '13600006001' } }),
      ],
    );
    await before.destroy();

    provideMigrationPiiKeys(keys);
    ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await ds?.destroy();
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('complaints: ID numbers and phones encrypted with the configured key and indexed; plaintext columns gone', async () => {
    expect(await columns('complaints')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^complainant_(id_number|phone)$/)]),
    );
    const rows = await q<Record<string, string | null>[]>(
      `SELECT id, complainant_id_number_enc, complainant_id_number_bidx, complainant_phone_enc, complainant_phone_bidx
         FROM complaints WHERE id = ANY($1::uuid[])`,
      [complaints],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const c0 = byId.get(complaints[0])!;
    expect(c0.complainant_id_number_enc).toMatch(/^v1:m1:/);
    expect(pii.decrypt(c0.complainant_id_number_enc!)).toBe('11010519491231002X');
    expect(c0.complainant_id_number_bidx).toBe(pii.blindIndex('id_number', '11010519491231002X'));
    expect(pii.decrypt(c0.complainant_phone_enc!)).toBe('13600006001');
    expect(c0.complainant_phone_bidx).toBe(pii.blindIndex('phone', '13600006001'));
    expect(byId.get(complaints[1])).toMatchObject({
      complainant_id_number_enc: null,
      complainant_id_number_bidx: null,
      complainant_phone_bidx: pii.blindIndex('phone', '13600006002'),
    });
    expect(byId.get(complaints[2])).toMatchObject({
      complainant_phone_enc: null,
      complainant_phone_bidx: null,
    });
  });

  it('workers: the recorded ID number and the sign-in number; the username no longer the number', async () => {
    const [identity] = await q<{ id_number_enc: string; id_number_bidx: string }[]>(
      `SELECT id_number_enc, id_number_bidx FROM worker_identities WHERE user_id = $1`,
      [ids.worker],
    );
    expect(pii.decrypt(identity.id_number_enc)).toBe('11010519491231002X');
    expect(identity.id_number_bidx).toBe(pii.blindIndex('id_number', '11010519491231002X'));
    const users = await q<{ id: string; username: string; login_phone_enc: string | null }[]>(
      `SELECT id, username, login_phone_enc FROM users WHERE id = ANY($1::uuid[]) ORDER BY username`,
      [[ids.worker, ids.staff]],
    );
    expect(users.map((u) => u.username)).toEqual(['mediator-x', `worker:${ids.worker}`]);
    expect(users[0].login_phone_enc).toBeNull();
    expect(pii.decrypt(users[1].login_phone_enc!)).toBe('13600006001');
    const [otp] = await q<{ phone_bidx: string }[]>(`SELECT phone_bidx FROM otp_codes`);
    expect(otp.phone_bidx).toBe(pii.blindIndex('phone', '13600006001'));
    expect(
      (await q<{ username: string }[]>(`SELECT username FROM login_failures ORDER BY username`)).map(
        (r) => r.username,
      ),
    ).toEqual([pii.blindIndex('phone', '13600006001'), 'mediator-x'].sort());
  });

  it('idempotency records: the complaint reference kept, anything else forgotten, no body', async () => {
    expect(await columns('idempotency_records')).not.toContain('response_body');
    expect(await q(`SELECT scope, resource_type, resource_id FROM idempotency_records`)).toEqual([
      { scope: `complaint:${ids.worker}`, resource_type: 'complaint', resource_id: complaints[0] },
    ]);
  });

  it('down (with the same keys) brings the plaintext back', async () => {
    // Ours were applied with every later migration (the read-contract views read their columns): undo them all.
    const applied = MIGRATIONS.filter(fromOurs).length;
    for (let i = 0; i < applied; i++) await ds.undoLastMigration({ transaction: 'each' });
    const [c0] = await q<{ complainant_id_number: string; complainant_phone: string }[]>(
      `SELECT complainant_id_number, complainant_phone FROM complaints WHERE id = $1`,
      [complaints[0]],
    );
    expect(c0).toEqual({ complainant_id_number: '11010519491231002X', complainant_phone: '13600006001' });
    const [u] = await q<{ username: string }[]>(`SELECT username FROM users WHERE id = $1`, [ids.worker]);
    expect(u.username).toBe('13600006001');
    const [w] = await q<{ id_number: string }[]>(`SELECT id_number FROM worker_identities`);
    expect(w.id_number).toBe('11010519491231002X');
  });
});
