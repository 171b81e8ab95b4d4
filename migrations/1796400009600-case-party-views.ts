import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mediators and arbitrators work from their lists, which did not say whom a case is about. The mediation list and
 * case view and the arbitration queue and case view name the case's employer (the respondent) and its complaint's
 * complainant, read in the page's own statement by key (docs/read-contracts.md): the owners publish the columns,
 * plain projections the planner inlines, so each name is a lookup through the table's primary key. The phone stays
 * encrypted (common/pii-crypto.ts): the reader decrypts it and masks it for the roles that do not handle cases.
 */
export const CASE_PARTY_VIEWS: Record<string, string> = {
  // complaints → mediation, arbitration: the complainant of a 投诉 (a 举报's reporter is never shown) and the
  // employer's name as this complaint stated it (shown until the register's is confirmed, as the complaint's view)
  complaint_party_source: `SELECT id, kind, complainant_user_id, complainant_name, complainant_phone_enc,
         employer_name_stated
    FROM complaints`,
  // reference → mediation, arbitration
  employer_party_source: `SELECT id, name, name_confirmed FROM employers`,
};

export class CasePartyViews1796400009600 implements MigrationInterface {
  name = 'CasePartyViews1796400009600';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(CASE_PARTY_VIEWS))
      await q.query(`CREATE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const name of Object.keys(CASE_PARTY_VIEWS)) await q.query(`DROP VIEW "${name}"`);
  }
}
