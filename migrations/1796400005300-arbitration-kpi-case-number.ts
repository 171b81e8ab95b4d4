import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The arbitration KPI view gains the commission's case number (案号, given at acceptance), so the supervisors' at-risk
 * list names an arbitration case by it rather than by the complaint's tracking number. Column added at the end
 * (CREATE OR REPLACE).
 */
export const ARBITRATION_KPI_CASE_NUMBER_VIEWS: Record<string, string> = {
  // arbitration → sla: the columns of migration 1796400001300's view, and the case number
  arbitration_kpi_source: `SELECT id, complaint_id, jurisdiction_code, accepted_on, closed_on,
         arbitrator_ids[1] AS first_arbitrator_id, case_no
    FROM arbitration_cases`,
};

const BEFORE = `SELECT id, complaint_id, jurisdiction_code, accepted_on, closed_on,
         arbitrator_ids[1] AS first_arbitrator_id
    FROM arbitration_cases`;

export class ArbitrationKpiCaseNumber1796400005300 implements MigrationInterface {
  name = 'ArbitrationKpiCaseNumber1796400005300';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(ARBITRATION_KPI_CASE_NUMBER_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    await q.query(`DROP VIEW "arbitration_kpi_source"`);
    await q.query(`CREATE VIEW "arbitration_kpi_source" AS ${BEFORE}`);
  }
}
