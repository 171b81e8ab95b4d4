import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day a mediation's 15-day period starts (调解仲裁法 第十四条第三款: the committee's receipt of the application) is
 * kept on the case, so that the KPI of mediations concluded within 15 days counts from the same day as the statutory
 * clock. Since the clock starts on the day the complaint was routed to the committee (not the day a mediator opens the
 * case), the two differed. Backfilled from each case's MEDIATION clock (the day it did start), else its opening day;
 * nullable, as rows loaded without it (the synthetic sets) mean their opening day. The KPI view exposes it; the KPI
 * read model takes it for new and changed cases at once, and for the rest at the nightly recompute (its checksums
 * find them) or `POST /api/v1/admin/sla/recompute`.
 */
export const MEDIATION_PERIOD_READ_CONTRACT_VIEWS: Record<string, string> = {
  // mediation → sla: the columns of migration 1796400001300's view, and the day the period started
  mediation_kpi_source: `SELECT id, street_code, organisation_id, opened_on, status, closed_on, outcome,
         CASE WHEN period_started_on IS NULL THEN opened_on ELSE period_started_on END AS period_started_on
    FROM mediation_cases`,
};

const BEFORE = `SELECT id, street_code, organisation_id, opened_on, status, closed_on, outcome FROM mediation_cases`;

export class MediationPeriodStart1796400002200 implements MigrationInterface {
  name = 'MediationPeriodStart1796400002200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mediation_cases" ADD "period_started_on" date`);
    await q.query(
      `UPDATE mediation_cases m SET period_started_on = k.start_date
         FROM clocks k WHERE k.case_type = 'MEDIATION' AND k.case_id = m.id AND k.rule_id = 'MEDIATION'`,
    );
    for (const [name, select] of Object.entries(MEDIATION_PERIOD_READ_CONTRACT_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    await q.query(`DROP VIEW "mediation_kpi_source"`);
    await q.query(`CREATE VIEW "mediation_kpi_source" AS ${BEFORE}`);
    await q.query(`ALTER TABLE "mediation_cases" DROP COLUMN "period_started_on"`);
  }
}
