import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inspection KPI view gains what decides which cases the 举报投诉案件按期结案率 counts: `source` (only cases opened on
 * a complaint 投诉 or a report 举报 — a planned 双随机 inspection is not one, yet it gets its 立案 date and investigation
 * deadline on opening) and `closure_type` (a case merged into another, 并案 MERGED, is no closure of its own: its matter
 * is closed with the surviving case, which the KPI counts). Columns added at the end (CREATE OR REPLACE).
 *
 * An open case whose investigation clock is paused now carries no deadline (监察条例 第十七条 period stopped: not late,
 * not overdue); cases paused before this kept their last one, so it is cleared here (the resumption gives the clock's
 * new one, as for any pause). The KPI read model drops the excluded and paused cases at their next event and all at
 * the nightly recompute (its checksums find them) or `POST /api/v1/admin/sla/recompute`.
 */
export const INSPECTION_KPI_SCOPE_READ_CONTRACT_VIEWS: Record<string, string> = {
  // inspection → sla: the columns of migration 1796400001300's view, the case's source and how it closed
  inspection_kpi_source: `SELECT id, case_no, jurisdiction_code, organisation_id, accepted_on, investigation_due_on,
         closed_on, assigned_inspector_ids[1] AS first_inspector_id, source, closure_type
    FROM inspection_cases`,
};

/** Open 立案 cases whose INSPECTION_INVESTIGATION clock runs and whose last PAUSE / RESUME event is a PAUSE. */
export const CLEAR_PAUSED_INVESTIGATION_DUE = `UPDATE inspection_cases c SET investigation_due_on = NULL
    FROM clocks k
   WHERE k.case_type = 'INSPECTION' AND k.case_id = c.id AND k.rule_id = 'INSPECTION_INVESTIGATION'
     AND k.stopped_on IS NULL AND c.accepted_on IS NOT NULL AND c.closed_on IS NULL
     AND c.investigation_due_on IS NOT NULL
     AND (SELECT e.type FROM clock_events e WHERE e.clock_id = k.id AND e.type IN ('PAUSE', 'RESUME')
           ORDER BY e.seq DESC LIMIT 1) = 'PAUSE'`;

const BEFORE = `SELECT id, case_no, jurisdiction_code, organisation_id, accepted_on, investigation_due_on,
         closed_on, assigned_inspector_ids[1] AS first_inspector_id
    FROM inspection_cases`;

export class InspectionKpiScope1796400002400 implements MigrationInterface {
  name = 'InspectionKpiScope1796400002400';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(INSPECTION_KPI_SCOPE_READ_CONTRACT_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
    await q.query(CLEAR_PAUSED_INVESTIGATION_DUE);
  }

  public async down(q: QueryRunner): Promise<void> {
    // The cleared deadlines stay cleared: the next write of such a case under the old code, or its resumption, sets one.
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    await q.query(`DROP VIEW "inspection_kpi_source"`);
    await q.query(`CREATE VIEW "inspection_kpi_source" AS ${BEFORE}`);
  }
}
