import {
  buildWorld,
  CALLER_ROLE,
  CALLERS,
  multipart,
  PNG,
  type Caller,
  type World,
} from '../../bench/lib/fixtures';
import { call, type Reply } from '../../bench/lib/inject';
import {
  operations,
  readOpenApi,
  routeAccess,
  type Operation,
  type RouteAccess,
} from '../../bench/lib/openapi-ops';
import { headersFor, sampleBody, urlFor } from '../../bench/lib/params';
import { BOLA_CLASSES, type AccessClass } from '../support/bola-classes';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/** Issue 15 (4): every operation × {no token, each role, staff of another street, another worker}. */
const OTHER_SIDE: Caller[] = ['mediatorB', 'arbitratorB', 'inspectorB', 'supervisorB', 'workerB'];
const DENIED = [401, 403, 404];

interface Cell {
  op: Operation;
  caller: Caller | null;
  due: boolean;
  reply?: Reply;
}

describe('BOLA matrix: every operation of openapi.json × every kind of caller (issue 15.4)', () => {
  let t: TestApp;
  let world: World;
  const doc = readOpenApi();
  const ops = operations(doc);
  let access: Map<string, RouteAccess>;
  const cells: Cell[] = [];

  const roleAllowed = (op: Operation, caller: Caller): boolean => {
    const a = access.get(op.operationId);
    return !!a && (a.public || a.roles.includes(CALLER_ROLE[caller]));
  };

  /** Is a denial due for this caller on this operation? */
  function denialDue(op: Operation, caller: Caller | null): boolean {
    const a = access.get(op.operationId);
    const cls = BOLA_CLASSES[op.operationId];
    if (!a || !cls || a.public) return false;
    if (caller === null) return true;
    if (!a.roles.includes(CALLER_ROLE[caller])) return true;
    if (cls.kind === 'street') return OTHER_SIDE.includes(caller);
    if (cls.kind === 'user') return caller !== cls.owner;
    return false;
  }

  const send = (op: Operation, caller: Caller | null): Promise<Reply> => {
    const { url } = urlFor(op, world.objects);
    const token = caller ? world.tokens[caller] : undefined;
    if (op.multipart) {
      const { raw, contentType } = multipart(PNG, 'payslip.png', 'image/png');
      return call(t.app, { method: op.method, url, token, raw, contentType });
    }
    return call(t.app, {
      method: op.method,
      url,
      token,
      headers: headersFor(op, world.objects),
      ...(op.jsonBody
        ? { body: sampleBody(doc, op, world.objects) }
        : op.method === 'GET'
          ? {}
          : { body: {} }),
    });
  };

  /** Street A's case objects: none may show in what street B or worker B can list. */
  const streetAIds = () => {
    const o = world.objects;
    return [
      o.complaint,
      o.submittedComplaint,
      o.mediationCase,
      o.arbitrationCase,
      o.inspectionCase,
      o.collectiveDispute,
      o.layoff,
      o.closure,
      o.collectiveContract,
      o.warning,
    ].filter((x): x is string => !!x);
  };

  beforeAll(async () => {
    t = await startTestApp();
    access = routeAccess(t.app);
    world = await buildWorld(t.app, DEMO_PASSWORD);
    // The matrix itself: writes only where a denial is due (an allowed write would change the objects under
    // test, or end the caller's session); reads for everyone.
    for (const op of ops) {
      if (!BOLA_CLASSES[op.operationId]) continue;
      for (const caller of [null, ...CALLERS]) {
        const due = denialDue(op, caller);
        const cell: Cell = { op, caller, due };
        if (due || op.method === 'GET') cell.reply = await send(op, caller);
        cells.push(cell);
      }
    }
    const called = cells.filter((c) => c.reply).length;
    const due = cells.filter((c) => c.due).length;
    console.log(
      `BOLA matrix: ${ops.length} operations × ${CALLERS.length + 1} callers = ${cells.length} cells; ` +
        `${called} requests sent, ${due} where a denial is due`,
    );
    // The cells that test object access (the caller's role is allowed; the object is not theirs), by answer.
    const objectCells = cells.filter(
      (c) =>
        c.due && c.caller && access.get(c.op.operationId)?.public === false && roleAllowed(c.op, c.caller),
    );
    const byStatus: Record<number, number> = {};
    for (const c of objectCells) byStatus[c.reply!.status] = (byStatus[c.reply!.status] ?? 0) + 1;
    const unbacked = ops
      .map((o) => ({ o, u: urlFor(o, world.objects).unbacked }))
      .filter((x) => x.u.length && BOLA_CLASSES[x.o.operationId]?.kind !== 'public');
    console.log(
      `object-access cells: ${objectCells.length}, answered ${JSON.stringify(byStatus)}; ` +
        `400 (body refused before the object was looked up): ${[
          ...new Set(objectCells.filter((c) => c.reply!.status === 400).map((c) => c.op.operationId)),
        ].join(', ')}\n` +
        `parameters with no object behind them (404 for everyone): ${unbacked
          .map((x) => `${x.o.path} (${x.u.join(', ')})`)
          .join('; ')}`,
    );
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('classifies every operation of openapi.json, and every class names a live operation', () => {
    const unclassified = ops.filter((o) => !BOLA_CLASSES[o.operationId]).map((o) => o.operationId);
    expect(unclassified).toEqual([]);
    const known = new Set(ops.map((o) => o.operationId));
    expect(Object.keys(BOLA_CLASSES).filter((id) => !known.has(id))).toEqual([]);
    // Each operation's roles are read from its handler (a document operation without a handler is drift).
    expect(ops.filter((o) => !access.has(o.operationId)).map((o) => o.operationId)).toEqual([]);
  });

  it('has one object of every kind in street A to aim at', () => {
    expect(world.missing).toEqual([]);
  });

  it('no 2xx (and no 5xx) where a denial is due', () => {
    const holes = cells
      .filter((c) => c.reply && ((c.due && c.reply.status < 300) || c.reply.status >= 500))
      .map((c) => `${c.op.method} ${c.op.path} as ${c.caller ?? 'anonymous'}: ${c.reply!.status}`);
    expect(holes).toEqual([]);
  });

  it('a denial is a denial (401/403/404), not a 409/422 that shows the object exists', () => {
    const leaks = cells
      .filter(
        (c) =>
          c.due &&
          c.reply &&
          c.reply.status >= 300 &&
          !DENIED.includes(c.reply.status) &&
          c.reply.status !== 400,
      )
      .map(
        (c) =>
          `${c.op.method} ${c.op.path} as ${c.caller ?? 'anonymous'}: ${c.reply!.status} ${(c.reply!.body as { code?: string })?.code}`,
      );
    expect(leaks).toEqual([]);
  });

  it("street B and worker B find none of street A's objects in any list they may read", () => {
    const ids = streetAIds();
    const seen = cells
      .filter(
        (c) =>
          BOLA_CLASSES[c.op.operationId].kind === 'list' &&
          c.caller &&
          OTHER_SIDE.includes(c.caller) &&
          c.reply &&
          c.reply.status < 300,
      )
      .flatMap((c) =>
        ids
          .filter((id) => c.reply!.text.includes(id))
          .map((id) => `${c.op.method} ${c.op.path} as ${c.caller}: shows ${id}`),
      );
    expect(seen).toEqual([]);
  });

  it('positive control: street A reads each of its objects (so the 404s above are about access)', () => {
    const failed: string[] = [];
    for (const op of ops) {
      const cls: AccessClass | undefined = BOLA_CLASSES[op.operationId];
      if (op.method !== 'GET' || !cls || !['street', 'user', 'district'].includes(cls.kind)) continue;
      if (urlFor(op, world.objects).unbacked.length) continue;
      const a = access.get(op.operationId);
      const owner =
        cls.kind === 'user'
          ? cls.owner
          : (['supervisor', 'admin', 'mediator', 'arbitrator', 'inspector', 'workerA'] as const).find(
              (c) => a && !a.public && a.roles.includes(CALLER_ROLE[c]),
            );
      const reply = cells.find((c) => c.op === op && c.caller === owner)?.reply;
      if (!reply || reply.status >= 300)
        failed.push(`${op.path} as ${owner}: ${reply?.status} ${reply?.text}`);
    }
    expect(failed).toEqual([]);
  });
});
