import { randomUUID } from 'node:crypto';
import { InspectionService } from '../../src/inspection/inspection.service';
import { complaintBody, eventually, type TestApp } from './test-app';
import { createAccount } from './users';

/** Bearer header of a demo or test account. */
export async function bearer(t: TestApp, user: string): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await t.token(user)}` };
}

/**
 * The demo inspector and a second inspector of her street (310115005), added as `username`: the two who investigate
 * and record findings (劳动保障监察条例 第十六条: 调查、检查时劳动保障监察员不得少于2人). Once per test file.
 */
export async function inspectionTeam(t: TestApp, username = 'inspector-second'): Promise<string[]> {
  const second = await createAccount(t, { username, role: 'INSPECTOR', jurisdictions: ['310115005'] });
  return [await userIdOf(t, 'inspector'), second];
}

/** The user id of a demo or test account (GET /api/v1/auth/me). */
export async function userIdOf(t: TestApp, user: string): Promise<string> {
  const me = await t
    .http()
    .get('/api/v1/auth/me')
    .set(await bearer(t, user));
  if (me.status !== 200) throw new Error(`auth/me of ${user}: ${me.status}`);
  return me.body.userId as string;
}

/** An item of a staff user's in-app inbox (GET /api/v1/notifications/inbox). */
export interface InboxItem {
  template: string;
  subjectRef: string;
  text: string;
  link: string | null;
}

/** A staff user's inbox, newest first (up to 100 items). */
export async function staffInbox(t: TestApp, user: string): Promise<InboxItem[]> {
  const r = await t
    .http()
    .get('/api/v1/notifications/inbox')
    .query({ limit: 100 })
    .set(await bearer(t, user));
  if (r.status !== 200) throw new Error(`inbox of ${user}: ${r.status}`);
  return r.body.items as InboxItem[];
}

/**
 * Files a complaint as a worker (default the demo worker), then, when `target` is given, accepts and routes it as
 * `staff`; returns the complaint's id, tracking number and employer id.
 */
export async function fileComplaint(
  t: TestApp,
  o: {
    employerName: string;
    street?: string;
    worker?: string;
    target?: 'MEDIATION' | 'ARBITRATION' | 'INSPECTION';
    staff?: string;
    body?: Record<string, unknown>;
  },
): Promise<{ id: string; trackingNo: string; employerId: string }> {
  const filed = await t
    .http()
    .post('/api/v1/complaints')
    .set(await bearer(t, o.worker ?? '13800000000'))
    .send(
      complaintBody({
        employer: { name: o.employerName },
        workplaceStreetCode: o.street ?? '310115005',
        ...o.body,
      }),
    );
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  const id = filed.body.id as string;
  // A number the worker gave is their statement; staff confirm it as the employer's contact (so its SMS go there).
  const stated = (o.body?.employer as { contactPhone?: string } | undefined)?.contactPhone;
  if (stated) await confirmEmployerContact(t, o.staff ?? 'supervisor', id, stated);
  if (o.target) await acceptAndRoute(t, id, o.target, o.staff);
  return { id, trackingNo: filed.body.trackingNo as string, employerId: filed.body.employer.id as string };
}

/** Accepts a submitted complaint and routes it to `target`, as `staff` (default the demo supervisor). */
export async function acceptAndRoute(
  t: TestApp,
  id: string,
  target: 'MEDIATION' | 'ARBITRATION' | 'INSPECTION',
  staff = 'supervisor',
): Promise<void> {
  for (const [path, body] of [
    ['accept', {}],
    ['route', { target }],
  ] as const) {
    const r = await t
      .http()
      .post(`/api/v1/complaints/${id}/${path}`)
      .set(await bearer(t, staff))
      .send(body);
    if (r.status !== 200) throw new Error(`${path} failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

/** Staff (`user`) confirm `phone` as the employer's contact number on the complaint (its SMS go there). */
export async function confirmEmployerContact(
  t: TestApp,
  user: string,
  complaintId: string,
  phone: string,
): Promise<void> {
  const r = await t
    .http()
    .put(`/api/v1/complaints/${complaintId}/employer-contact`)
    .set(await bearer(t, user))
    .send({ contactPhone: phone });
  if (r.status !== 200) throw new Error(`confirming failed: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Files an arbitration application for a complaint (one wage claim) as `user`; returns the new case's id. */
export async function applyForArbitration(t: TestApp, user: string, complaintId: string): Promise<string> {
  const applied = await t
    .http()
    .post('/api/v1/arbitration/cases')
    .set(await bearer(t, user))
    .send({
      complaintId,
      claims: [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen: 500_000 }],
    });
  if (applied.status !== 201)
    throw new Error(`application failed: ${applied.status} ${JSON.stringify(applied.body)}`);
  return applied.body.id as string;
}

/**
 * Posts steps of an arbitration case in order as the demo `arbitrator` (`POST /api/v1/arbitration/cases/:id/<path>`),
 * the first at `version`, each at the next; returns the case view of the last.
 */
export async function arbitrationSteps(
  t: TestApp,
  caseId: string,
  version: number,
  steps: readonly (readonly [string, object])[],
): Promise<unknown> {
  let view: unknown;
  for (const [i, [path, body]] of steps.entries()) {
    const r = await t
      .http()
      .post(`/api/v1/arbitration/cases/${caseId}/${path}`)
      .set(await bearer(t, 'arbitrator'))
      .send({ version: version + i, ...body });
    if (r.status !== 200) throw new Error(`${path} failed: ${r.status} ${JSON.stringify(r.body)}`);
    view = r.body;
  }
  return view;
}

/**
 * Takes an accepted arbitration case (at `version`) to where it may be decided, as the arbitrator `arbitratorId`
 * (user `arbitrator`): a sole arbitrator deciding on the papers, served on and answered by the respondent `on`.
 */
export async function readyToDecide(
  t: TestApp,
  o: { caseId: string; arbitratorId: string; on: string; version: number },
): Promise<void> {
  await arbitrationSteps(t, o.caseId, o.version, [
    ['tribunal', { arbitratorIds: [o.arbitratorId], partiesAgree: true, simplifiedExclusions: [] }],
    ['papers-decision', { basis: '双方书面同意不开庭' }],
    ['papers', { step: 'SERVICE', on: o.on }],
    ['papers', { step: 'DEFENCE', on: o.on }],
  ]);
}

/** Opens the mediation of a complaint routed to mediation as `user`; returns the case view. */
export async function openMediation(
  t: TestApp,
  user: string,
  complaintId: string,
): Promise<{ id: string; version: number; caseNo: string; mediatorUserId: string | null }> {
  const opened = await t
    .http()
    .post('/api/v1/mediation/cases')
    .set(await bearer(t, user))
    .send({ complaintId });
  if (opened.status !== 201)
    throw new Error(`opening failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  return opened.body as { id: string; version: number; caseNo: string; mediatorUserId: string | null };
}

/** Opens the inspection case of a complaint routed to inspection as `user`; returns the case's id. */
export async function openInspection(t: TestApp, user: string, complaintId: string): Promise<string> {
  const opened = await t
    .http()
    .post('/api/v1/inspection/cases')
    .set(await bearer(t, user))
    .send({ complaintId });
  if (opened.status !== 201)
    throw new Error(`opening failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  return opened.body.id as string;
}

/**
 * Opens a planned (双随机, no complaint) inspection case of `employerId` on a street of 浦东 (default 陆家嘴), as a plan
 * item's result would, inspected by `inspectorIds` (two at least: 监察条例 第十六条); returns the case's id.
 */
export function openPlannedInspection(
  t: TestApp,
  o: { employerId: string; inspectorIds: string[]; on?: string; street?: string },
): Promise<string> {
  return t.dataSource.transaction((em) =>
    t.app.get(InspectionService).openPlanned(
      em,
      {
        planId: randomUUID(),
        employerId: o.employerId,
        jurisdictionCode: o.street ?? '310115005',
        inspectorIds: o.inspectorIds,
        ...(o.on ? { on: o.on } : {}),
      },
      null,
    ),
  );
}

/**
 * The administrator confirms the register name of the employer of inspection case `caseId` as it stands
 * (PUT /employers/:id/name), as an inspector would after checking its business licence: a document naming the
 * employer is refused while the name is provisional (inspection-employer-name.e2e-spec.ts).
 */
export async function confirmEmployerOfCase(t: TestApp, caseId: string): Promise<void> {
  const [e] = await t.dataSource.query<{ id: string; name: string }[]>(
    `SELECT e.id, e.name FROM inspection_cases c JOIN employers e ON e.id = c.employer_id WHERE c.id = $1`,
    [caseId],
  );
  if (!e) throw new Error(`no employer for inspection case ${caseId}`);
  const r = await t
    .http()
    .put(`/api/v1/employers/${e.id}/name`)
    .set(await bearer(t, 'admin'))
    .send({ name: e.name });
  if (r.status !== 200) throw new Error(`confirming the name failed: ${r.status} ${JSON.stringify(r.body)}`);
}

/** The supervisor registers one employer in `streetCode` (default 陆家嘴), name confirmed; returns its id. */
export async function registerEmployer(
  t: TestApp,
  o: { uscc: string; name: string; streetCode?: string },
): Promise<string> {
  const r = await t
    .http()
    .post('/api/v1/employers/register')
    .set(await bearer(t, 'supervisor'))
    .send({
      employers: [
        {
          uscc: o.uscc,
          name: o.name,
          streetCode: o.streetCode ?? '310115005',
          industryCode: 'E',
          sizeClass: 'SMALL',
          headcount: 30,
        },
      ],
    });
  if (r.status !== 200) throw new Error(`registering failed: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { ids: string[] }).ids[0];
}

/** The templates of `user`'s inbox items about `subjectRef` (e.g. `complaint:<id>`), sorted. */
export async function inboxAbout(t: TestApp, user: string, subjectRef: string): Promise<string[]> {
  return (await staffInbox(t, user))
    .filter((i) => i.subjectRef === subjectRef)
    .map((i) => i.template)
    .sort();
}

/**
 * Records, as the demo inspector, a wage-arrears violation of `employerId` found on `foundOn` that meets every
 * listing fact of 人社部令第45号 (migrant workers, order refused, the crime threshold); returns its id.
 */
export async function recordListableViolation(
  t: TestApp,
  employerId: string,
  foundOn: string,
): Promise<string> {
  const v = await t
    .http()
    .post(`/api/v1/compliance/employers/${employerId}/violations`)
    .set(await bearer(t, 'inspector'))
    .send({
      jurisdictionCode: '310115005',
      kinds: ['WAGE_ARREARS'],
      facts: '拖欠农民工工资',
      foundOn,
      migrantWorkers: true,
      orderRefused: true,
      meetsCrimeThreshold: true,
      arrearsFen: 30_000_000,
      workersAffected: 15,
    });
  if (v.status !== 201) throw new Error(`violation of ${employerId}: ${v.status} ${JSON.stringify(v.body)}`);
  return v.body.id as string;
}

/** A risk scan of every employer started by ADMIN (`POST /api/v1/risk/runs`, 201): its run once DONE. */
export async function riskScan(
  t: TestApp,
): Promise<{ id: string; progress: number; counts: Record<string, number> }> {
  const start = await t
    .http()
    .post('/api/v1/risk/runs')
    .set(await bearer(t, 'admin'));
  if (start.status !== 201) throw new Error(`risk run: ${start.status} ${JSON.stringify(start.body)}`);
  return eventually(async () => {
    const r = await t
      .http()
      .get(`/api/v1/risk/runs/${start.body.id as string}`)
      .set(await bearer(t, 'admin'));
    return r.body.status === 'DONE' ? r.body : null;
  }, 30000);
}
