import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { organisationId } from '../../src/reference/organisations';
import { addDays, daysBetween, todayInShanghai } from '../../src/calendar/local-date';
import { arbitrationCounts, handlingDays, inspectionOnTimeRate, mediationKpi } from '../../src/sla/kpi.rules';
import { LOCKS, lockKey } from '../../src/database/locks';
import { SlaAggregatesService } from '../../src/sla/sla-aggregates.service';
import { kpiTargetsOf } from '../../src/sla/kpi-targets';
import { SlaRepository } from '../../src/sla/sla.repository';
import { CELL_COUNTERS, cellsSelect, FACT_COLUMNS, factsSelect } from '../../src/sla/sla-facts.sql';
import { VERSION_TTL_MS } from '../../src/sla/read-model-version';
import { JobName, QueueName } from '../../src/queue/job-catalogue';
import { OutboxService } from '../../src/queue/outbox.service';
import { QueueService } from '../../src/queue/queue.service';
import { AuditService } from '../../src/audit/audit.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/** A small deterministic generator (mulberry32), so a failing history can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STREETS = ['310115004', '310115005', '310115007'];
const SEED = 20261126;

describe('SLA aggregates: incremental (per event) == full recompute, mismatch metric, single run', () => {
  let t: TestApp;
  let aggregates: SlaAggregatesService;
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const q = <T>(sql: string, params: unknown[] = []) => t.dataSource.query<T[]>(sql, params);
  /** GET /sla/summary of this year as the supervisor (200 expected). */
  const summary = async () => {
    const res = await t
      .http()
      .get('/api/v1/sla/summary')
      .query({ year })
      .set({ authorization: `Bearer ${await t.token('supervisor')}` });
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp();
    aggregates = t.app.get(SlaAggregatesService);
    // The worker queues a baseline recompute on a database that never had one: let it finish first.
    await eventually(async () => {
      const [r] = await q<{ n: number }>('SELECT count(*)::int AS n FROM sla_recompute_runs');
      return r.n > 0;
    });
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * Appends a case event by SQL (no outbox row) and returns the sla.case-event payload of the shape queued before
   * issue 19 (the event's id only: the handler asks the audit module for the event).
   */
  const legacyEvent = async (caseType: string, caseId: string, data: Record<string, unknown>) => {
    const id = randomUUID();
    await q(`INSERT INTO case_events (id, case_type, case_id, action, data) VALUES ($1, $2, $3, 'GEN', $4)`, [
      id,
      caseType,
      caseId,
      JSON.stringify(data),
    ]);
    return { eventId: id };
  };
  /** The payload the SLA module's case-event listener queues for such an event: the proceedings it concerns. */
  const job = (caseType: string, caseId: string, data: Record<string, unknown>) => ({
    cases: kpiTargetsOf({ caseType, caseId, data }),
  });

  it('a generated history processed event by event — replays and out-of-order included — equals the full recompute', async () => {
    const rand = rng(SEED);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const start = `${year - 1}-07-01`;
    const span = daysBetween(start, today);
    const day = () => addDays(start, Math.floor(rand() * span));
    const closing = (from: string, max: number) => {
      const d = addDays(from, 1 + Math.floor(rand() * max));
      return rand() < 0.8 && d <= today ? d : null;
    };

    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set({ authorization: `Bearer ${await t.token('13800000000')}` })
      .send(complaintBody());
    expect(filed.status).toBe(201);
    const complaintId = filed.body.id as string;
    const [{ employer_id: employerId }] = await q<{ employer_id: string }>(
      'SELECT employer_id FROM complaints WHERE id = $1',
      [complaintId],
    );
    const complaintCols = (
      await q<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'complaints'
          AND column_name NOT IN ('id', 'tracking_no') ORDER BY ordinal_position`,
      )
    ).map((c) => c.column_name);
    let cloned = 0;
    /** A copy of the complaint (an open mediation needs a complaint of its own). */
    const cloneComplaint = async () => {
      const id = randomUUID();
      cloned++;
      await q(
        `INSERT INTO complaints (id, tracking_no, ${complaintCols.join(', ')})
         SELECT $1, $2, ${complaintCols.join(', ')} FROM complaints WHERE id = $3`,
        [id, `GEN${String(cloned).padStart(8, '0')}`, complaintId],
      );
      return id;
    };
    const inspectorId = (
      await t
        .http()
        .get('/api/v1/auth/me')
        .set({ authorization: `Bearer ${await t.token('inspector')}` })
    ).body.userId as string;
    const brigade = organisationId('INSPECTION_BRIGADE', '310115');

    /** Per case: the final row's writes, each followed by an event; `later` events run after everything. */
    const pending: { caseType: string; caseId: string; data: Record<string, unknown> }[] = [];
    const handle = async (caseType: string, caseId: string, data: Record<string, unknown>) => {
      const payload = job(caseType, caseId, data);
      if (rand() < 0.25)
        pending.push({ caseType, caseId, data }); // replayed later, out of order
      else await aggregates.onCaseEvent(payload);
      if (rand() < 0.1) await aggregates.onCaseEvent(payload); // duplicate delivery
    };

    for (let i = 0; i < 150; i++) {
      const id = randomUUID();
      const street = pick(STREETS);
      const acceptedOn = day();
      const closedOn = closing(acceptedOn, 80);
      await q(
        `INSERT INTO arbitration_cases (id, complaint_id, employer_id, source, status, jurisdiction_code, applied_on,
                                        accepted_on)
         SELECT $1, id, employer_id, 'COMPLAINT', 'ACCEPTED', $3, $4, $5 FROM complaints WHERE id = $2`,
        [id, complaintId, street, addDays(acceptedOn, -3), acceptedOn],
      );
      await handle('COMPLAINT', complaintId, { arbitrationCaseId: id });
      if (closedOn) {
        await q(
          `UPDATE arbitration_cases SET status = 'CLOSED', closure_type = 'WITHDRAWN', closed_on = $2 WHERE id = $1`,
          [id, closedOn],
        );
        await handle('COMPLAINT', complaintId, { arbitrationCaseId: id });
      }
    }
    for (let i = 0; i < 100; i++) {
      const id = randomUUID();
      const street = pick(STREETS);
      const openedOn = day();
      const closedOn = closing(openedOn, 25);
      await q(
        `INSERT INTO mediation_cases (id, complaint_id, organisation_id, street_code, employer_id, status, opened_on)
         VALUES ($1, $2, $3, $4, $5, 'OPEN', $6)`,
        [
          id,
          await cloneComplaint(),
          organisationId('MEDIATION_COMMITTEE', street),
          street,
          employerId,
          openedOn,
        ],
      );
      await handle('COMPLAINT', complaintId, { mediationCaseId: id });
      if (closedOn) {
        const outcome = pick(['AGREEMENT', 'AGREEMENT', 'FAILED', 'WITHDRAWN'] as const);
        await q(`UPDATE mediation_cases SET status = $2, outcome = $2, closed_on = $3 WHERE id = $1`, [
          id,
          outcome,
          closedOn,
        ]);
        await handle('COMPLAINT', complaintId, { mediationCaseId: id });
      }
    }
    for (let i = 0; i < 120; i++) {
      const id = randomUUID();
      const acceptedOn = day();
      const due = addDays(acceptedOn, 84); // ~60 working days
      await q(
        `INSERT INTO inspection_cases (id, case_no, source, jurisdiction_code, organisation_id, status, received_on,
                                       acceptance_due_on, accepted_on, investigation_due_on, assigned_inspector_ids)
         VALUES ($1, $2, 'COMPLAINT', $3, $4, 'INVESTIGATING', $5, $5, $5, $6, $7)`,
        [id, `GEN-INSP-${i}`, pick(STREETS), brigade, acceptedOn, due, rand() < 0.5 ? [inspectorId] : []],
      );
      await handle('INSPECTION', id, {});
      if (rand() < 0.3) {
        // An approved +30 working-day extension (the inspection module recomputes the due date).
        await q(`UPDATE inspection_cases SET investigation_due_on = $2, extended_days = 30 WHERE id = $1`, [
          id,
          addDays(due, 42),
        ]);
        await handle('INSPECTION', id, {});
      }
      const closedOn = closing(acceptedOn, 130);
      if (closedOn) {
        await q(`UPDATE inspection_cases SET status = 'CLOSED', closed_on = $2 WHERE id = $1`, [
          id,
          closedOn,
        ]);
        await handle('INSPECTION', id, {});
      }
    }
    // The held-back deliveries arrive last, in reverse order, after the final state of their case; as jobs
    // queued before issue 19 (outbox rows written by the previous release), naming only the event.
    for (const e of pending.reverse())
      await aggregates.onCaseEvent(await legacyEvent(e.caseType, e.caseId, e.data));

    const repo = t.app.get(SlaRepository);
    const incremental = await repo.allCells(t.dataSource.manager);
    expect(incremental.length).toBeGreaterThan(50);
    const buckets = await repo.allHandlingBuckets(t.dataSource.manager);
    expect(buckets.length).toBeGreaterThan(20);
    const run = await aggregates.recomputeAll();
    // Every checksum agreed: no street was compared row by row (the facts' hashes from the source tables equal
    // the stored facts', and the linear checksums of the cells the facts add up to equal the maintained cells').
    expect(run).toMatchObject({
      skipped: false,
      baseline: false,
      mismatchedCells: 0,
      factsChanged: 0,
      streetsCompared: { facts: 0, cells: 0, handling: 0 },
      facts: expect.any(Number),
    });
    expect(await repo.allCells(t.dataSource.manager)).toEqual(incremental);
    expect(await repo.allHandlingBuckets(t.dataSource.manager)).toEqual(buckets);

    // The SQL read path agrees with the pure rules over the source rows (this year, whole district).
    const arb = await q<{ acceptedOn: string; closedOn: string | null }>(
      `SELECT accepted_on AS "acceptedOn", closed_on AS "closedOn" FROM arbitration_cases WHERE accepted_on IS NOT NULL`,
    );
    const insp = await q<{ dueOn: string; closedOn: string | null }>(
      `SELECT investigation_due_on AS "dueOn", closed_on AS "closedOn" FROM inspection_cases`,
    );
    const med = await q<{
      startedOn: string;
      closedOn: string | null;
      agreement: boolean;
      withdrawn: boolean;
    }>(
      `SELECT COALESCE(period_started_on, opened_on) AS "startedOn",
              CASE WHEN status <> 'OPEN' THEN closed_on END AS "closedOn",
              outcome = 'AGREEMENT' AS agreement, outcome = 'WITHDRAWN' AS withdrawn FROM mediation_cases`,
    );
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const res = await summary();
    const a = arbitrationCounts(arb, from, to);
    expect(res.body.arbitration).toMatchObject({ ...a, numerator: a.closed });
    const i = inspectionOnTimeRate(insp, from, to, today);
    expect(res.body.inspection).toMatchObject({ numerator: i.numerator, denominator: i.denominator });
    expect(res.body.mediation).toMatchObject(mediationKpi(med, from, to));
    expect(res.body.inspection.projection.method).toMatch(/^RECENT_SHARE/);
    // Handling days from the histogram == average and percentile over the raw source rows.
    const closed = await q<{ type: string; startedOn: string; closedOn: string }>(
      `SELECT 'ARBITRATION' AS type, accepted_on AS "startedOn", closed_on AS "closedOn" FROM arbitration_cases
        WHERE accepted_on IS NOT NULL AND closed_on IS NOT NULL
       UNION ALL SELECT 'INSPECTION', accepted_on, closed_on FROM inspection_cases
        WHERE accepted_on IS NOT NULL AND investigation_due_on IS NOT NULL AND closed_on IS NOT NULL
       UNION ALL SELECT 'MEDIATION', COALESCE(period_started_on, opened_on), closed_on FROM mediation_cases
        WHERE status <> 'OPEN' AND closed_on IS NOT NULL AND outcome <> 'WITHDRAWN'`,
    );
    const days = (type: string) =>
      handlingDays(
        closed
          .filter((c) => c.type === type && c.closedOn >= from && c.closedOn <= to)
          .map((c) => daysBetween(c.startedOn, c.closedOn)),
      );
    expect(days('ARBITRATION').p90).not.toBeNull();
    expect(res.body.arbitration.handlingDays).toEqual(days('ARBITRATION'));
    expect(res.body.inspection.handlingDays).toEqual(days('INSPECTION'));
    expect(res.body.mediation.handlingDays).toEqual(days('MEDIATION'));

    // The monthly series adds up to the year.
    const series = await t
      .http()
      .get('/api/v1/sla/series')
      .query({ year, granularity: 'month' })
      .set({ authorization: `Bearer ${await t.token('supervisor')}` });
    const points = series.body.points as {
      arbitration: { numerator: number; accepted: number };
      inspection: { numerator: number; denominator: number };
    }[];
    const sum = (f: (p: (typeof points)[number]) => number) => points.reduce((acc, p) => acc + f(p), 0);
    expect(sum((p) => p.arbitration.numerator)).toBe(a.closed);
    expect(sum((p) => p.arbitration.accepted)).toBe(a.accepted);
    expect(sum((p) => p.inspection.numerator)).toBe(i.numerator);
    expect(sum((p) => p.inspection.denominator)).toBe(i.denominator);
  });

  it('at-risk: every open arbitration case and every open inspection case due by year-end, soonest first', async () => {
    const yearEnd = `${year}-12-31`;
    const [expected] = await q<{ arb: number; insp: number }>(
      `SELECT (SELECT count(*) FROM arbitration_cases WHERE accepted_on IS NOT NULL AND closed_on IS NULL)::int AS arb,
              (SELECT count(*) FROM inspection_cases
                WHERE accepted_on IS NOT NULL AND closed_on IS NULL AND investigation_due_on <= $1)::int AS insp`,
      [yearEnd],
    );
    const res = await t
      .http()
      .get('/api/v1/sla/at-risk')
      .query({ limit: 200 })
      .set({ authorization: `Bearer ${await t.token('supervisor')}` });
    expect(res.status).toBe(200);
    const items = res.body.items as {
      caseType: string;
      caseNo: string;
      dueOn: string;
      daysRemaining: number;
      reason: string;
      owner: { role: string } | null;
    }[];
    expect(items.filter((x) => x.caseType === 'ARBITRATION')).toHaveLength(expected.arb);
    const insp = items.filter((x) => x.caseType === 'INSPECTION');
    expect(insp).toHaveLength(expected.insp);
    expect(insp.length).toBeGreaterThan(0);
    expect(items.map((x) => x.dueOn)).toEqual(items.map((x) => x.dueOn).sort());
    for (const x of insp) {
      expect(x.caseNo).toMatch(/^GEN-INSP-/);
      expect(x.dueOn <= yearEnd).toBe(true);
      expect(x.reason).toBe(x.daysRemaining <= 7 ? 'WILL_BREACH' : 'MUST_CLOSE_BY_YEAR_END');
      if (x.owner) expect(x.owner.role).toBe('INSPECTOR');
    }
    expect(insp.some((x) => x.owner !== null)).toBe(true);
    // The mediator sees only their street's cases.
    const mine = await t
      .http()
      .get('/api/v1/sla/at-risk')
      .query({ limit: 200 })
      .set({ authorization: `Bearer ${await t.token('mediator')}` });
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((x: { street: string }) => x.street === '310115005')).toBe(true);
    expect(mine.body.items.length).toBeLessThan(items.length);
  });

  it('a corrupted cell is found by the nightly recompute, counted in the metric and repaired', async () => {
    const [cell] = await q<{ street_code: string; organisation_id: string; month: string }>(
      `SELECT street_code, organisation_id, month FROM sla_monthly_cells WHERE arb_closed > 0 LIMIT 1`,
    );
    await q(
      `UPDATE sla_monthly_cells SET arb_closed = arb_closed + 1
        WHERE street_code = $1 AND organisation_id = $2 AND month = $3`,
      [cell.street_code, cell.organisation_id, cell.month],
    );
    expect(cell).toBeDefined();
    const run = await aggregates.recomputeAll();
    expect(run).toMatchObject({
      skipped: false,
      mismatchedCells: 1,
      streetsCompared: { facts: 0, cells: 1, handling: 0 },
    });
    const [row] = await q<{ sample: { street_code: string; month: string }[] }>(
      `SELECT sample FROM sla_recompute_runs ORDER BY finished_at DESC LIMIT 1`,
    );
    expect(row.sample).toEqual([
      expect.objectContaining({ street_code: cell.street_code, month: cell.month }),
    ]);
    const metrics = await t.http().get('/metrics');
    expect(metrics.text).toMatch(/^lrp_sla_recompute_mismatches 1$/m);
    expect(await aggregates.recomputeAll()).toMatchObject({ mismatchedCells: 0 });
  });

  it('a corrupted handling-day bucket is found by the nightly recompute and repaired', async () => {
    const repo = t.app.get(SlaRepository);
    const before = await repo.allHandlingBuckets(t.dataSource.manager);
    const bucket = before[0];
    expect(bucket).toBeDefined();
    await q(
      `UPDATE sla_handling_days SET cases = cases + 2
        WHERE case_type = $1 AND street_code = $2 AND organisation_id = $3 AND year = $4 AND days = $5`,
      [bucket.case_type, bucket.street_code, bucket.organisation_id, bucket.year, bucket.days],
    );
    expect(await aggregates.recomputeAll()).toMatchObject({
      skipped: false,
      mismatchedCells: 1,
      streetsCompared: { facts: 0, cells: 0, handling: 1 },
    });
    const [row] = await q<{ sample: unknown[] }>(
      `SELECT sample FROM sla_recompute_runs ORDER BY finished_at DESC LIMIT 1`,
    );
    expect(row.sample).toEqual([
      expect.objectContaining({
        case_type: bucket.case_type,
        days: bucket.days,
        incremental: bucket.cases + 2,
        full: bucket.cases,
      }),
    ]);
    expect(await repo.allHandlingBuckets(t.dataSource.manager)).toEqual(before);
    expect(await aggregates.recomputeAll()).toMatchObject({ mismatchedCells: 0 });
  });

  it('a count moved from one counter of a cell to another is found (the counters are weighted apart)', async () => {
    const [cell] = await q<{ street_code: string; organisation_id: string; month: string }>(
      `SELECT street_code, organisation_id, month FROM sla_monthly_cells WHERE arb_closed > 0 LIMIT 1`,
    );
    expect(cell).toBeDefined();
    await q(
      `UPDATE sla_monthly_cells SET arb_closed = arb_closed - 1, arb_accepted = arb_accepted + 1
        WHERE street_code = $1 AND organisation_id = $2 AND month = $3`,
      [cell.street_code, cell.organisation_id, cell.month],
    );
    expect(await aggregates.recomputeAll()).toMatchObject({
      mismatchedCells: 1,
      streetsCompared: { facts: 0, cells: 1, handling: 0 },
    });
    expect(await aggregates.recomputeAll()).toMatchObject({ mismatchedCells: 0 });
  });

  it("source rows changed without an event, a lost fact and a stray one are found by the facts' checksums and repaired", async () => {
    const repo = t.app.get(SlaRepository);
    // A closed arbitration case moved to another street with a later closure, by SQL (no event, no refresh).
    const [arb] = await q<{ id: string; jurisdiction_code: string }>(
      `SELECT id, jurisdiction_code FROM arbitration_cases WHERE closed_on IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const other = STREETS.find((s) => s !== arb.jurisdiction_code)!;
    await q(`UPDATE arbitration_cases SET jurisdiction_code = $2, closed_on = closed_on + 3 WHERE id = $1`, [
      arb.id,
      other,
    ]);
    // A mediation whose fact was never written (its event lost), and a fact of no case at all.
    const [med] = await q<{ case_id: string; street_code: string }>(
      `WITH d AS (DELETE FROM sla_case_facts WHERE case_id = (SELECT case_id FROM sla_case_facts
        WHERE case_type = 'MEDIATION' AND closed_on IS NOT NULL ORDER BY case_id LIMIT 1) RETURNING case_id, street_code)
       SELECT * FROM d`,
    );
    await q(
      `INSERT INTO sla_case_facts (case_type, case_id, street_code, organisation_id, started_on, closed_on)
       VALUES ('INSPECTION', $1, $2, $3, $4, $4)`,
      [
        randomUUID(),
        med.street_code,
        organisationId('MEDIATION_COMMITTEE', med.street_code),
        `${year}-03-02`,
      ],
    );
    const streets = new Set([arb.jurisdiction_code, other, med.street_code]);
    const run = await aggregates.recomputeAll();
    expect(run).toMatchObject({ skipped: false, factsChanged: 3 });
    if (run.skipped) return;
    expect(run.mismatchedCells).toBeGreaterThan(0);
    // Every street whose facts changed was compared in full; no other.
    expect(run.streetsCompared.facts).toBe(streets.size);
    expect(run.streetsCompared.cells).toBe(streets.size);
    // The read model is now what a rebuild from the source tables gives.
    const [same] = await q<{ facts_equal: boolean; cells_equal: boolean }>(
      `SELECT (SELECT count(*) FROM (
                 (SELECT ${FACT_COLUMNS} FROM sla_case_facts EXCEPT SELECT * FROM (${factsSelect(['ARBITRATION', 'MEDIATION', 'INSPECTION'])}) s)
                 UNION ALL
                 (SELECT * FROM (${factsSelect(['ARBITRATION', 'MEDIATION', 'INSPECTION'])}) s EXCEPT SELECT ${FACT_COLUMNS} FROM sla_case_facts)) d) = 0
                AS facts_equal,
              (SELECT count(*) FROM (
                 (SELECT street_code, organisation_id, month, ${CELL_COUNTERS.join(', ')} FROM sla_monthly_cells
                   WHERE ${CELL_COUNTERS.map((c) => `${c} <> 0`).join(' OR ')}
                  EXCEPT SELECT * FROM (${cellsSelect('sla_case_facts')}) c)
                 UNION ALL
                 (SELECT * FROM (${cellsSelect('sla_case_facts')}) c
                  EXCEPT SELECT street_code, organisation_id, month, ${CELL_COUNTERS.join(', ')} FROM sla_monthly_cells)) d) = 0
                AS cells_equal`,
    );
    expect(same).toEqual({ facts_equal: true, cells_equal: true });
    const [moved] = await q<{ street_code: string }>(
      `SELECT street_code FROM sla_case_facts WHERE case_type = 'ARBITRATION' AND case_id = $1`,
      [arb.id],
    );
    expect(moved.street_code).toBe(other);
    const buckets = await repo.allHandlingBuckets(t.dataSource.manager);
    expect(await aggregates.recomputeAll()).toMatchObject({
      mismatchedCells: 0,
      factsChanged: 0,
      streetsCompared: { facts: 0, cells: 0, handling: 0 },
    });
    expect(await repo.allHandlingBuckets(t.dataSource.manager)).toEqual(buckets);
  });

  it('the summary is cached per read-model version: a change of this process is seen at once, of another within the TTL', async () => {
    const get = async () => (await summary()).body as { arbitration: { closed: number } };
    const first = await get();
    // A write behind the read model's back (no version bump) is not seen: the answer comes from the cache.
    await q(
      `UPDATE sla_monthly_cells SET arb_closed = arb_closed + 5 WHERE month = $1 || '-01'
              AND (street_code, organisation_id) IN (SELECT street_code, organisation_id FROM sla_monthly_cells
                                                     WHERE month = $1 || '-01' LIMIT 1)`,
      [year],
    );
    expect((await get()).arbitration.closed).toBe(first.arbitration.closed);
    // A bump by another process (the worker's) is seen once this process's version read is VERSION_TTL_MS old.
    const repo = t.app.get(SlaRepository);
    await repo.bumpVersion(t.dataSource.manager);
    await new Promise((r) => setTimeout(r, VERSION_TTL_MS + 20));
    expect((await get()).arbitration.closed).toBe(first.arbitration.closed + 5);
    await aggregates.recomputeAll();
    expect((await get()).arbitration.closed).toBe(first.arbitration.closed);

    // Reopening a case closed this year through the incremental path changes the next answer.
    const [c] = await q<{ id: string; closed_on: string }>(
      `SELECT id, closed_on FROM arbitration_cases WHERE closed_on >= $1 ORDER BY id LIMIT 1`,
      [`${year}-01-01`],
    );
    expect(c).toBeDefined();
    await q(`UPDATE arbitration_cases SET closed_on = NULL WHERE id = $1`, [c.id]);
    expect(await aggregates.refreshCase('ARBITRATION', c.id)).toBe(true);
    expect((await get()).arbitration.closed).toBe(first.arbitration.closed - 1);
    await q(`UPDATE arbitration_cases SET closed_on = $2 WHERE id = $1`, [c.id, c.closed_on]);
    expect(await aggregates.refreshCase('ARBITRATION', c.id)).toBe(true);
    expect(await get()).toEqual(first);
  });

  it('audit hands each appended event to its listeners in the same transaction: SLA queues sla.case-event with the proceedings, nothing for an intake event, nothing when the transaction rolls back', async () => {
    const audit = t.app.get(AuditService);
    const complaintId = randomUUID();
    const arbitrationId = randomUUID();
    const inspectionId = randomUUID();
    /** The sla.case-event jobs this transaction queued (its rows share the transaction's now()). */
    const jobsOf = (em: EntityManager) =>
      em.query<{ payload: unknown }[]>(
        `SELECT payload FROM outbox_messages WHERE job_name = $1 AND created_at = now() ORDER BY id`,
        [JobName.SlaCaseEvent],
      );
    const jobs = await t.dataSource.transaction(async (em) => {
      await audit.append(em, {
        caseType: 'COMPLAINT',
        caseId: complaintId,
        action: 'ARBITRATION_APPLY',
        data: { arbitrationCaseId: arbitrationId },
      });
      await audit.append(em, { caseType: 'INSPECTION', caseId: inspectionId, action: 'INSPECTION_CLOSE' });
      return jobsOf(em);
    });
    expect(jobs).toEqual([
      { payload: { cases: [{ type: 'ARBITRATION', id: arbitrationId }] } },
      { payload: { cases: [{ type: 'INSPECTION', id: inspectionId }] } },
    ]);

    const intake = randomUUID();
    const intakeJobs = await t.dataSource.transaction(async (em) => {
      await audit.append(em, {
        caseType: 'COMPLAINT',
        caseId: intake,
        action: 'SUBMIT',
        data: { channel: 'WEB' },
      });
      return jobsOf(em);
    });
    expect(await q('SELECT 1 FROM case_events WHERE case_id = $1', [intake])).toHaveLength(1);
    expect(intakeJobs).toEqual([]);

    const rolledBack = randomUUID();
    await expect(
      t.dataSource.transaction(async (em) => {
        await audit.append(em, { caseType: 'INSPECTION', caseId: rolledBack, action: 'INSPECTION_CLOSE' });
        expect(await jobsOf(em)).toHaveLength(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await q('SELECT 1 FROM case_events WHERE case_id = $1', [rolledBack])).toEqual([]);
    expect(
      await q(`SELECT 1 FROM outbox_messages WHERE job_name = $1 AND payload::text LIKE $2`, [
        JobName.SlaCaseEvent,
        `%${rolledBack}%`,
      ]),
    ).toEqual([]);
    // A second listener under a taken name is refused (one registration per module).
    expect(() =>
      audit.registerListener('sla', { concerns: () => true, handle: () => Promise.resolve() }),
    ).toThrow(/already registered/);
  });

  it('a job of the old shape ({ eventId }, queued before issue 19) still refreshes the proceedings its event names; an unknown event changes nothing', async () => {
    const [c] = await q<{ id: string; closed_on: string }>(
      `SELECT id, closed_on::text FROM arbitration_cases WHERE closed_on IS NOT NULL ORDER BY id LIMIT 1`,
    );
    await q(`UPDATE arbitration_cases SET closed_on = NULL WHERE id = $1`, [c.id]);
    expect(
      await aggregates.onCaseEvent(await legacyEvent('COMPLAINT', randomUUID(), { arbitrationCaseId: c.id })),
    ).toBe(1);
    const fact = () =>
      q<{ closed_on: string | null }>(
        `SELECT closed_on::text FROM sla_case_facts WHERE case_type = 'ARBITRATION' AND case_id = $1`,
        [c.id],
      );
    expect(await fact()).toEqual([{ closed_on: null }]);
    await q(`UPDATE arbitration_cases SET closed_on = $2 WHERE id = $1`, [c.id, c.closed_on]);
    expect(await aggregates.onCaseEvent({ eventId: randomUUID() })).toBe(0);
    expect(await fact()).toEqual([{ closed_on: null }]);
    // Through the queue as the worker runs it (the relay publishes the outbox row; the sla queue's handler).
    await t.dataSource.transaction((em) =>
      t.app.get(OutboxService).enqueue(em, JobName.SlaCaseEvent, { eventId: randomUUID() }),
    );
    const [e] = await q<{ id: string }>(
      `INSERT INTO case_events (id, case_type, case_id, action, data) VALUES ($1, 'ARBITRATION', $2, 'GEN', '{}') RETURNING id`,
      [randomUUID(), c.id],
    );
    await t.dataSource.transaction((em) =>
      t.app.get(OutboxService).enqueue(em, JobName.SlaCaseEvent, { eventId: e.id }),
    );
    await eventually(async () => (await fact())[0]?.closed_on === c.closed_on);
  });

  it('the nightly recompute is skipped while another run holds the advisory lock', async () => {
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey(LOCKS.slaRecompute)]);
      expect(await aggregates.recomputeAll()).toEqual({ skipped: true });
      await other.query('COMMIT');
      expect(await aggregates.recomputeAll()).toMatchObject({ skipped: false });
    } finally {
      await other.end();
    }
  });

  it('the recompute is registered as a job scheduler at 02:30 Asia/Shanghai', async () => {
    const queue = t.app.get(QueueService).queue(QueueName.Sla);
    const scheduler = await eventually(() => queue.getJobScheduler(JobName.SlaRecomputeAll));
    expect(scheduler).toMatchObject({ pattern: '30 2 * * *', tz: 'Asia/Shanghai' });
  });
});
