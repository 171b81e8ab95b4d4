import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read contracts (docs/read-contracts.md, issue 19.2): each module that another module reads in bulk (the
 * KPI read model, the early-warning features) publishes a view of the columns it promises, and the readers
 * read only these views. Plain projections of one table (no join, no aggregate), so the planner inlines them
 * and the readers' plans and indexes are those of the tables. Views are not entities: TypeORM's schema builder
 * only manages views listed in its typeorm_metadata table, so it neither drops nor diffs these.
 *
 * A later migration that changes or drops a column a view names must drop the view first and re-create it
 * (PostgreSQL refuses to alter a column a view depends on): the contract changes in the open.
 */
export const READ_CONTRACT_VIEWS: Record<string, string> = {
  // arbitration → sla
  arbitration_kpi_source: `SELECT id, complaint_id, jurisdiction_code, accepted_on, closed_on,
         arbitrator_ids[1] AS first_arbitrator_id
    FROM arbitration_cases`,
  // mediation → sla
  mediation_kpi_source: `SELECT id, street_code, organisation_id, opened_on, status, closed_on, outcome
    FROM mediation_cases`,
  // inspection → sla
  inspection_kpi_source: `SELECT id, case_no, jurisdiction_code, organisation_id, accepted_on, investigation_due_on,
         closed_on, assigned_inspector_ids[1] AS first_inspector_id
    FROM inspection_cases`,
  // reference → sla
  organisation_kpi_source: `SELECT id, kind, jurisdiction_code FROM organisations`,
  // complaints → sla
  complaint_kpi_source: `SELECT id, tracking_no FROM complaints`,
  // complaints → risk: no personal data, only the identity keys the counts need (complainant.rules)
  complaint_risk_source: `SELECT id, employer_id, kind, status, category, received_on, created_at,
         workplace_street_code, claimed_amount_fen,
         CASE WHEN complainant_verified OR filed_by_user_id IS NULL
              THEN COALESCE(complainant_user_id::text, complainant_id_number_bidx) END AS worker_key,
         CASE WHEN kind = 'COMPLAINT' AND NOT complainant_verified AND filed_by_user_id IS NOT NULL
              THEN COALESCE(complainant_id_number_bidx, complainant_phone_bidx, id::text) END AS unverified_key
    FROM complaints`,
  collective_dispute_risk_source: `SELECT id, employer_id, created_at FROM collective_disputes`,
  // reference → risk
  employer_risk_source: `SELECT id, uscc, name, industry_code, street_code FROM employers`,
  // inspection → risk
  inspection_risk_source: `SELECT id, employer_id, jurisdiction_code, received_on, refused_on, closed_on,
         transferred_to_police, workers_affected, months_unpaid, arrears_fen
    FROM inspection_cases`,
  wage_crime_threshold_source: `SELECT province_code, effective_from, single_worker_fen, single_worker_min_months,
         multi_workers, multi_workers_total_fen
    FROM wage_crime_thresholds`,
  // compliance → risk
  violation_risk_source: `SELECT id, employer_id, found_on, meets_crime_threshold FROM employer_violations`,
  blacklist_risk_source: `SELECT employer_id, status, listed_on, removed_on, expires_on FROM wage_arrears_blacklist`,
  grade_risk_source: `SELECT employer_id, year, grade FROM employer_grades`,
  // filings → risk
  layoff_filing_risk_source: `SELECT id, employer_id, filed_on, headcount_cut, art41_applies FROM layoff_filings`,
  closure_notice_risk_source: `SELECT id, employer_id, notified_on FROM closure_notices`,
};

export class ReadContractViews1796400001300 implements MigrationInterface {
  name = 'ReadContractViews1796400001300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(READ_CONTRACT_VIEWS))
      await queryRunner.query(`CREATE VIEW "${name}" AS ${select}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of Object.keys(READ_CONTRACT_VIEWS).reverse())
      await queryRunner.query(`DROP VIEW "${name}"`);
  }
}
