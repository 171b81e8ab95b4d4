import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { workerUsername } from '../../src/auth/login-names';
import { hashPassword } from '../../src/auth/passwords';
import { PiiCipher } from '../../src/common/pii-crypto';
import type { Role } from '../../src/auth/roles';
import { organisationId } from '../../src/reference/organisations';
import { complaint, idNumber, multipart, PNG, uscc } from './fixture-bodies';
import { call, login, type Reply } from './inject';

/** Street A (the demo staff's 陆家嘴街道) owns every object; street B is another street of the district. */
export const STREET_A = '310115005';
export { complaintBody, multipart, PNG } from './fixture-bodies';
export const STREET_B = '310115007';
/** A supervisor of another district (徐汇区) stands for district-wide staff elsewhere. */
export const OTHER_DISTRICT = '310104';

/**
 * The callers of the matrix and the fuzz: the demo account of each role (street A, or district-wide for the
 * supervisor and the admin), the demo worker (worker A, who files everything), staff of street B, a supervisor of
 * another district and worker B.
 */
export const CALLERS = [
  'admin',
  'supervisor',
  'mediator',
  'arbitrator',
  'inspector',
  'workerA',
  'mediatorB',
  'arbitratorB',
  'inspectorB',
  'supervisorB',
  'workerB',
] as const;
export type Caller = (typeof CALLERS)[number];

export const CALLER_ROLE: Record<Caller, Role> = {
  admin: 'ADMIN',
  supervisor: 'SUPERVISOR',
  mediator: 'MEDIATOR',
  arbitrator: 'ARBITRATOR',
  inspector: 'INSPECTOR',
  workerA: 'WORKER',
  mediatorB: 'MEDIATOR',
  arbitratorB: 'ARBITRATOR',
  inspectorB: 'INSPECTOR',
  supervisorB: 'SUPERVISOR',
  workerB: 'WORKER',
};

/** One object of each kind, owned by street A / worker A (ids; undefined where it could not be made). */
export interface Objects {
  complaint: string;
  /** a complaint left SUBMITTED (for intake operations) */
  submittedComplaint: string;
  employer: string;
  mediationCase?: string;
  arbitrationCase?: string;
  inspectionCase?: string;
  inspectionDocument?: string;
  report?: { trackingNo: string; accessCode: string; id?: string };
  collectiveDispute?: string;
  layoff?: string;
  closure?: string;
  collectiveContract?: string;
  harmonious?: string;
  attachment?: string;
  violation?: string;
  blacklistNotice?: string;
  warning?: string;
  clock?: string;
  staffUser: string;
  organisation?: string;
  staffNotification?: string;
  workerNotification?: string;
  riskRun?: string;
}

export interface World {
  tokens: Record<Caller, string>;
  /** Signs the caller in again (after a logout the fuzz sent), updating `tokens`. */
  relogin(caller: Caller): Promise<string>;
  objects: Objects;
  /** steps that failed (their objects are missing), for the report */
  missing: string[];
}

/**
 * A password account. A worker signs in with their mobile number, stored only encrypted with a blind index
 * (users.login_phone_*, username worker:<id>), as the demo worker is seeded.
 */
async function account(
  ds: DataSource,
  pii: PiiCipher,
  login: string,
  role: Role,
  codes: string[],
  hash: string,
): Promise<void> {
  const id = randomUUID();
  const worker = role === 'WORKER';
  await ds.query(
    `INSERT INTO users (id, username, password_hash, role, jurisdiction_codes, display_name, login_phone_enc,
                        login_phone_bidx)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [
      id,
      worker ? workerUsername(id) : login,
      hash,
      role,
      codes,
      worker ? '劳动者' : login,
      worker ? pii.encrypt(login) : null,
      worker ? pii.blindIndex('phone', login) : null,
    ],
  );
}

/**
 * Signs the callers in (creating the street-B staff and worker B) and makes one object of every kind in street A,
 * through the API as a client would (the risk warning by SQL: warnings are raised only by the scoring job).
 */
export async function buildWorld(app: NestFastifyApplication, password: string): Promise<World> {
  const ds = app.get(DataSource);
  const hash = await hashPassword(password);
  const pii = app.get(PiiCipher);
  await account(ds, pii, 'bola-mediator-b', 'MEDIATOR', [STREET_B], hash);
  await account(ds, pii, 'bola-arbitrator-b', 'ARBITRATOR', [STREET_B], hash);
  await account(ds, pii, 'bola-inspector-b', 'INSPECTOR', [STREET_B], hash);
  await account(ds, pii, 'bola-supervisor-b', 'SUPERVISOR', [OTHER_DISTRICT], hash);
  await account(ds, pii, '13900000077', 'WORKER', [], hash);
  const names: Record<Caller, string> = {
    admin: 'admin',
    supervisor: 'supervisor',
    mediator: 'mediator',
    arbitrator: 'arbitrator',
    inspector: 'inspector',
    workerA: '13800000000',
    mediatorB: 'bola-mediator-b',
    arbitratorB: 'bola-arbitrator-b',
    inspectorB: 'bola-inspector-b',
    supervisorB: 'bola-supervisor-b',
    workerB: '13900000077',
  };
  const tokens = {} as Record<Caller, string>;
  for (const c of CALLERS) tokens[c] = await login(app, names[c], password);

  const missing: string[] = [];
  const as = (who: Caller | null, method: string, url: string, body?: unknown): Promise<Reply> =>
    call(app, { method, url: `/api/v1${url}`, token: who ? tokens[who] : undefined, body });
  /** Runs a creating step; returns the reply body, or undefined (and notes the kind as missing). */
  const make = async <T>(kind: string, r: Promise<Reply>): Promise<T | undefined> => {
    const reply = await r;
    if (reply.status >= 200 && reply.status < 300) return reply.body as T;
    missing.push(`${kind}: ${reply.status} ${reply.text.slice(0, 300)}`);
    return undefined;
  };
  const must = async <T>(kind: string, r: Promise<Reply>): Promise<T> => {
    const v = await make<T>(kind, r);
    if (v === undefined) throw new Error(`fixture ${missing[missing.length - 1]}`);
    return v;
  };
  const tag = `${Date.now()}`;
  const file = (name: string, over = {}) =>
    must<{ id: string; employer: { id: string } }>(
      'complaint',
      as('workerA', 'POST', '/complaints', complaint(`浦东越权矩阵测试${name}有限公司${tag}`, over)),
    );
  const routed = async (target: string) => {
    const c = await file(target);
    await must('accept', as('supervisor', 'POST', `/complaints/${c.id}/accept`, {}));
    await must('route', as('supervisor', 'POST', `/complaints/${c.id}/route`, { target }));
    return c.id;
  };

  const submitted = await file('SUBMITTED');
  const first = await file('ACCEPTED');
  await must('accept', as('supervisor', 'POST', `/complaints/${first.id}/accept`, {}));
  const employer = first.employer.id;
  const objects: Objects = {
    complaint: first.id,
    submittedComplaint: submitted.id,
    employer,
    staffUser: '',
  };

  const med = await routed('MEDIATION');
  objects.mediationCase = (
    await make<{ id: string }>(
      'mediation case',
      as('mediator', 'POST', '/mediation/cases', { complaintId: med }),
    )
  )?.id;
  const arb = await routed('ARBITRATION');
  objects.arbitrationCase = (
    await make<{ id: string }>(
      'arbitration case',
      as('workerA', 'POST', '/arbitration/cases', {
        complaintId: arb,
        claims: [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen: 500_000 }],
      }),
    )
  )?.id;
  const ins = await routed('INSPECTION');
  const inspection = await make<{ id: string; documents?: { id: string }[]; clocks?: { id: string }[] }>(
    'inspection case',
    as('inspector', 'POST', '/inspection/cases', { complaintId: ins }),
  );
  objects.inspectionCase = inspection?.id;
  objects.inspectionDocument = inspection?.documents?.[0]?.id;
  objects.clock = inspection?.clocks?.[0]?.id;

  const {
    complainant: _c,
    claimedAmountFen: _a,
    ...report
  } = complaint(`浦东越权矩阵测试举报有限公司${tag}`);
  const r = await make<{ trackingNo: string; accessCode: string }>(
    'report',
    as(null, 'POST', '/reports', report),
  );
  if (r) objects.report = r;

  // Ten workers of one employer: a collective proposal, confirmed as a collective dispute.
  const colName = `浦东越权矩阵测试集体有限公司${tag}`;
  const members: string[] = [];
  let colEmployer = '';
  for (let i = 0; i < 10; i++) {
    const phone = `1390000${String(1000 + i)}`;
    await account(ds, pii, phone, 'WORKER', [], hash);
    const token = await login(app, phone, password);
    const c = await call(app, {
      method: 'POST',
      url: '/api/v1/complaints',
      token,
      body: complaint(colName, { complainant: { name: `工人${i}`, idNumber: idNumber(i) } }),
    });
    if (c.status !== 201) {
      missing.push(`collective member: ${c.status} ${c.text.slice(0, 200)}`);
      break;
    }
    members.push((c.body as { id: string }).id);
    colEmployer = (c.body as { employer: { id: string } }).employer.id;
  }
  if (members.length === 10)
    objects.collectiveDispute = (
      await make<{ id: string }>(
        'collective dispute',
        as('mediator', 'POST', '/collective-disputes', {
          employerId: colEmployer,
          category: 'WAGE_ARREARS',
          complaintIds: members,
          representativeComplaintIds: members.slice(0, 3),
        }),
      )
    )?.id;

  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const day = (n: number) => new Date(Date.parse(today) + n * 86_400_000).toISOString().slice(0, 10);
  const company = () => {
    const code = uscc();
    return { uscc: code, name: `浦东越权矩阵测试备案公司${code.slice(10, 17)}` };
  };
  objects.layoff = (
    await make<{ id: string }>(
      'layoff filing',
      as('inspector', 'POST', '/filings/layoffs', {
        employer: company(),
        streetCode: STREET_A,
        headcountCut: 25,
        totalHeadcount: 500,
        layoffOn: day(31),
        unionOrStaffNotifiedOn: today,
        grounds: ['SEVERE_DIFFICULTY'],
        reasons: '订单大幅减少，生产经营发生严重困难',
        consultationRecord: '工会座谈会记录',
      }),
    )
  )?.id;
  objects.closure = (
    await make<{ id: string }>(
      'closure notice',
      as('inspector', 'POST', '/filings/closures', {
        employer: company(),
        streetCode: STREET_A,
        kind: 'RELOCATION',
        notifiedOn: today,
        effectiveOn: day(90),
        workersAffected: 12,
        resettlementPlan: '随迁或协商解除并支付经济补偿',
      }),
    )
  )?.id;
  objects.collectiveContract = (
    await make<{ id: string }>(
      'collective contract',
      as('mediator', 'POST', '/filings/collective-contracts', {
        employer: company(),
        streetCode: STREET_A,
        contractKind: 'WAGES',
        title: '2027年度工资专项集体合同',
        text: '第一条 本合同依据《劳动合同法》《集体合同规定》订立',
        workersCovered: 320,
        signedOn: day(-3),
      }),
    )
  )?.id;
  objects.harmonious = (
    await make<{ id: string }>(
      'harmonious enterprise',
      as('supervisor', 'POST', '/filings/harmonious-enterprises', {
        employer: company(),
        streetCode: STREET_A,
        year: 2025,
        level: 'DISTRICT',
        recognisedOn: day(-100),
        validUntil: day(900),
      }),
    )
  )?.id;

  const upload = multipart(PNG, 'payslip.png', 'image/png');
  const att = await call(app, {
    method: 'POST',
    url: `/api/v1/complaints/${first.id}/attachments`,
    token: tokens.workerA,
    raw: upload.raw,
    contentType: upload.contentType,
  });
  if (att.status === 201) objects.attachment = (att.body as { id: string }).id;
  else missing.push(`attachment: ${att.status} ${att.text.slice(0, 200)}`);

  objects.violation = (
    await make<{ id: string }>(
      'violation',
      as('inspector', 'POST', `/compliance/employers/${employer}/violations`, {
        jurisdictionCode: STREET_A,
        kinds: ['WAGE_ARREARS'],
        facts: '拖欠工资',
        foundOn: day(-1),
        arrearsFen: 25_000_000,
        workersAffected: 12,
      }),
    )
  )?.id;
  objects.blacklistNotice = (
    await make<{ id: string }>(
      'blacklist notice',
      as('supervisor', 'POST', `/compliance/employers/${employer}/blacklist-notices`, {
        violationId: objects.violation,
        responsiblePersons: [{ role: 'LEGAL_REPRESENTATIVE', name: '越权测试法代', idNumber: idNumber(800) }],
      }),
    )
  )?.id;

  objects.warning = randomUUID();
  await ds.query(
    `INSERT INTO risk_warnings (id, employer_id, kind, level, status, street_code, rule_set_version, hits, as_of, version)
     VALUES ($1, $2, 'WAGE_ARREARS', 'ORANGE', 'NEW', $3, 1, '[]', $4, 1)`,
    [objects.warning, employer, STREET_A, today],
  );

  const user = await make<{ id: string }>(
    'staff user',
    as('admin', 'POST', '/admin/users', {
      username: `bola-user-${tag}`,
      displayName: '越权测试调解员',
      role: 'MEDIATOR',
      organisationId: organisationId('MEDIATION_COMMITTEE', STREET_A),
      jurisdictionCodes: [STREET_A],
    }),
  );
  objects.staffUser = user?.id ?? randomUUID();
  const orgs = await as('admin', 'GET', '/admin/organisations');
  objects.organisation =
    (orgs.body as { items?: { id: string }[] } | { id: string }[] | undefined) &&
    (Array.isArray(orgs.body)
      ? (orgs.body as { id: string }[])[0]?.id
      : (orgs.body as { items?: { id: string }[] }).items?.[0]?.id);

  const firstId = (r: Reply) => {
    const b = r.body as { items?: { id: string }[] } | { id: string }[] | undefined;
    return Array.isArray(b) ? b[0]?.id : b?.items?.[0]?.id;
  };
  // Notifications are written by jobs after commit: wait for the first of each (up to 20 s).
  const firstOf = async (kind: string, who: Caller, url: string) => {
    for (const deadline = Date.now() + 20_000; ;) {
      const id = firstId(await as(who, 'GET', url));
      if (id) return id;
      if (Date.now() > deadline) {
        missing.push(`${kind}: none arrived within 20 s`);
        return undefined;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  objects.staffNotification = await firstOf('staff notification', 'mediator', '/notifications/inbox');
  objects.workerNotification = await firstOf('worker notification', 'workerA', '/my/notifications');
  objects.riskRun = (await make<{ id: string }>('risk run', as('admin', 'POST', '/risk/runs')))?.id;
  const relogin = async (c: Caller) => (tokens[c] = await login(app, names[c], password));
  return { tokens, relogin, objects, missing };
}
