import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * More read contracts (docs/read-contracts.md, issue 19.2): the cross-case search reads the proceedings, the
 * employers and the streets only through views their owners publish, and compliance reads the employers register
 * (its grading run, publication snapshot, public blacklist and scope check) through one. Plain projections of one
 * table, like those of migration 1796400001300: the planner inlines them, so the search's plans and indexes are
 * those of the tables (its UNION of one arm per match way and its NOT MATERIALIZED key CTEs unchanged).
 */
export const SEARCH_READ_CONTRACT_VIEWS: Record<string, string> = {
  // complaints → search: the complainant is shown (masked by role) on a hit; the phone only encrypted
  complaint_search_source: `SELECT id, kind, tracking_no, status, workplace_street_code, employer_id, received_on,
         created_at, complainant_phone_bidx, complainant_name, complainant_phone_enc
    FROM complaints`,
  // mediation → search
  mediation_search_source: `SELECT id, complaint_id, case_no, status, street_code, employer_id, opened_on, created_at
    FROM mediation_cases`,
  // arbitration → search
  arbitration_search_source: `SELECT id, complaint_id, case_no, status, jurisdiction_code, commission_id, applied_on,
         created_at
    FROM arbitration_cases`,
  // inspection → search
  inspection_search_source: `SELECT id, complaint_id, case_no, status, jurisdiction_code, employer_id, received_on,
         created_at
    FROM inspection_cases`,
  // reference → search
  employer_search_source: `SELECT id, name, uscc FROM employers`,
  jurisdiction_search_source: `SELECT code, name FROM jurisdictions`,
  // reference → compliance
  employer_compliance_source: `SELECT id, name, uscc, address, street_code FROM employers`,
};

export class SearchReadContractViews1796400001400 implements MigrationInterface {
  name = 'SearchReadContractViews1796400001400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(SEARCH_READ_CONTRACT_VIEWS))
      await queryRunner.query(`CREATE VIEW "${name}" AS ${select}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of Object.keys(SEARCH_READ_CONTRACT_VIEWS).reverse())
      await queryRunner.query(`DROP VIEW "${name}"`);
  }
}
