import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The arbitration KPI view gains the commission the application was filed with (`commission_id`), so the supervisors'
 * at-risk list names the body of an application still awaiting its 受理 decision (调解仲裁法 第二十九条) — it has no
 * KPI fact yet, whose organisation the accepted cases' rows carry — and narrows by it as by a fact's organisation.
 * Column added at the end (CREATE OR REPLACE).
 */
export const ARBITRATION_KPI_COMMISSION_VIEWS: Record<string, string> = {
  // arbitration → sla: the columns of migration 1796400005300's view, and the commission
  arbitration_kpi_source: `SELECT id, complaint_id, jurisdiction_code, accepted_on, closed_on,
         arbitrator_ids[1] AS first_arbitrator_id, case_no, commission_id
    FROM arbitration_cases`,
};

const BEFORE = `SELECT id, complaint_id, jurisdiction_code, accepted_on, closed_on,
         arbitrator_ids[1] AS first_arbitrator_id, case_no
    FROM arbitration_cases`;

export class ArbitrationKpiCommission1796400009500 implements MigrationInterface {
  name = 'ArbitrationKpiCommission1796400009500';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(ARBITRATION_KPI_COMMISSION_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    await q.query(`DROP VIEW "arbitration_kpi_source"`);
    await q.query(`CREATE VIEW "arbitration_kpi_source" AS ${BEFORE}`);
  }
}
