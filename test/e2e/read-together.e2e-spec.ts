import { ArbitrationRepository } from '../../src/arbitration/arbitration.repository';
import { AuditRepository } from '../../src/audit/audit.repository';
import type { ObjectLiteral } from 'typeorm';
import { readRows, readTogether, type RowsRead } from '../../src/database/entity-rows';
import { DeadlinesRepository } from '../../src/deadlines/deadlines.repository';
import { INSPECTION_CASE_TYPE } from '../../src/inspection/inspection.constants';
import { InspectionRepository } from '../../src/inspection/inspection.repository';
import { MediationRepository } from '../../src/mediation/mediation.repository';
import { applyForArbitration, bearer, fileComplaint, openMediation } from '../support/case-flow';
import { statementsDuring } from '../support/statements';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 17.3: reads that do not depend on each other go to PostgreSQL as one statement (readTogether), and each
 * gives the objects it gives when sent alone — the same entities (timestamps, int8 through its transformer, jsonb,
 * arrays), in the same order.
 */
describe('readTogether', () => {
  let t: TestApp;
  let file: {
    inspectionId: string;
    mediated: string;
    mediationId: string;
    arbitrated: string;
    inspected: string;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
    const mediated = await fileComplaint(t, { employerName: '上海合读调解公司', target: 'MEDIATION' });
    const mediation = await openMediation(t, 'mediator', mediated.id);
    const arbitrated = await fileComplaint(t, { employerName: '上海合读仲裁公司' });
    await applyForArbitration(t, '13800000000', arbitrated.id);
    const inspected = await fileComplaint(t, {
      employerName: '上海合读监察公司',
      target: 'INSPECTION',
      staff: 'inspector',
    });
    const opened = await t
      .http()
      .post('/api/v1/inspection/cases')
      .set(await bearer(t, 'inspector'))
      .send({ complaintId: inspected.id });
    expect(opened.status).toBe(201);
    file = {
      inspectionId: opened.body.id as string,
      mediated: mediated.id,
      mediationId: mediation.id,
      arbitrated: arbitrated.id,
      inspected: inspected.id,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  const reads = () => {
    const complaints = [file.mediated, file.arbitrated, file.inspected];
    return [
      t.app.get(MediationRepository).casesOfComplaintOrDisputeRead(file.mediated, null),
      t.app.get(ArbitrationRepository).casesOfComplaintOrDisputeRead(file.arbitrated, null),
      t.app.get(InspectionRepository).casesOfComplaintRead(file.inspected),
      t.app
        .get(DeadlinesRepository)
        .clocksOfCaseRefsRead([
          ...complaints.map((caseId) => ({ caseType: 'COMPLAINT', caseId })),
          { caseType: 'MEDIATION', caseId: file.mediationId },
          { caseType: INSPECTION_CASE_TYPE, caseId: file.inspectionId },
        ]),
      t.app
        .get(AuditRepository)
        .timelinesRead(complaints.map((caseId) => ({ caseType: 'COMPLAINT', caseId }))),
      // A read that finds nothing: no arbitration case on the mediated complaint.
      t.app.get(ArbitrationRepository).casesOfComplaintOrDisputeRead(file.mediated, null),
    ] as const;
  };

  it('sends the reads as one statement, each giving what it gives alone, in its order', async () => {
    const em = t.dataSource.manager;
    const { result: together, statements } = await statementsDuring(() => readTogether(em, reads()));
    expect(statements).toHaveLength(1);
    for (const table of ['mediation_cases', 'arbitration_cases', 'inspection_cases', 'clocks', 'case_events'])
      expect([table, statements[0].sql.includes(`FROM ${table} WHERE`)]).toEqual([table, true]);
    // Each read sent alone, one after another (readRows: findRowsWith's own statement, with its ORDER BY).
    const alone: unknown[] = [];
    for (const r of reads() as unknown as readonly RowsRead<ObjectLiteral, unknown>[])
      alone.push(await readRows(em, r));
    expect(together).toStrictEqual(alone);

    const [mediation, arbitration, inspection, clocks, timeline, none] = together;
    expect(mediation.cases.map((c) => c.id)).toEqual([file.mediationId]);
    expect(mediation.cases[0].createdAt).toBeInstanceOf(Date);
    expect(arbitration).toHaveLength(1);
    expect(inspection).toHaveLength(1);
    // int8 columns through their transformer, as numbers
    expect(typeof inspection[0].recoveredFen).toBe('number');
    // several rows a read, ordered as the read orders them
    expect(new Set(clocks.map((c) => c.clock.caseType))).toEqual(
      new Set(['COMPLAINT', 'MEDIATION', INSPECTION_CASE_TYPE]),
    );
    const clockOrder = clocks.map((c) => `${c.clock.createdAt.toISOString()} ${c.clock.id}`);
    expect(clockOrder).toEqual([...clockOrder].sort());
    expect(timeline.length).toBeGreaterThanOrEqual(6);
    const order = timeline.map((e) => `${e.occurredAt.toISOString()} ${e.id}`);
    expect(order).toEqual([...order].sort());
    expect(none).toEqual([]);
  });

  it('binds each read to its own parameters: two reads of one text, by other keys', async () => {
    const em = t.dataSource.manager;
    const deadlines = t.app.get(DeadlinesRepository);
    const of = (caseId: string) => deadlines.clocksOfCaseRefsRead([{ caseType: 'COMPLAINT', caseId }]);
    const [mediated, arbitrated] = await readTogether(em, [of(file.mediated), of(file.arbitrated)]);
    expect(mediated.length).toBeGreaterThan(0);
    expect(arbitrated.length).toBeGreaterThan(0);
    expect(mediated.map((c) => c.clock.caseId)).toEqual(mediated.map(() => file.mediated));
    expect(arbitrated.map((c) => c.clock.caseId)).toEqual(arbitrated.map(() => file.arbitrated));
  });

  it('refuses a read whose placeholders and parameters disagree, or whose order is in its WHERE', async () => {
    const em = t.dataSource.manager;
    const [first, second] = reads();
    await expect(readTogether(em, [first, { ...second, params: [] }])).rejects.toThrow(
      'read 2 uses $1 but binds 0 parameters',
    );
    await expect(
      readTogether(em, [first, { ...second, where: `${second.where} ORDER BY created_at` }]),
    ).rejects.toThrow('read 2: its order goes in orderBy');
  });
});
