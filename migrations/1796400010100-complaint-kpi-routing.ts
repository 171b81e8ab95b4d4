import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaint KPI view gains where a complaint was routed (`status`, `route_target`, `route_organisation_id`) and
 * its street (`workplace_street_code`), so the supervisors' at-risk list names a complaint routed to inspection whose
 * case the brigade has not opened yet (its COMPLAINT_TAKE_UP period; 若干规定 第十八条: 受理 within 5 working days,
 * 立案 the same day) and scopes it by street and brigade. Columns added at the end (CREATE OR REPLACE).
 */
export const COMPLAINT_KPI_ROUTING_VIEWS: Record<string, string> = {
  // complaints → sla: the columns of migration 1796400001300's view, and the routing
  complaint_kpi_source: `SELECT id, tracking_no, status, route_target, route_organisation_id, workplace_street_code
    FROM complaints`,
};

const BEFORE = `SELECT id, tracking_no FROM complaints`;

export class ComplaintKpiRouting1796400010100 implements MigrationInterface {
  name = 'ComplaintKpiRouting1796400010100';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(COMPLAINT_KPI_ROUTING_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    await q.query(`DROP VIEW "complaint_kpi_source"`);
    await q.query(`CREATE VIEW "complaint_kpi_source" AS ${BEFORE}`);
  }
}
