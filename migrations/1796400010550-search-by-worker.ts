import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff search finds a worker's cases by her ID number and her full name (src/search/search.rules.ts). The
 * complaints' read contract for the search gains the ID number's blind index (already indexed for the duplicate
 * check, migration 1796400001700) and the complainant's name as matched: without whitespace (U+3000 full-width and
 * no-break spaces included) and with one middle dot, the same rule as `normalisePersonName` (search.e2e-spec keeps
 * them equal). That key is indexed for 投诉 only (a 举报 names nobody). Columns added at the end (CREATE OR REPLACE).
 */
export const COMPLAINANT_NAME_KEY = `translate(regexp_replace(complainant_name,
    '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]', '', 'g'),
    E'.\\uff0e\\u30fb\\u2022\\u2027\\u2219', '······')`;

export const SEARCH_BY_WORKER_VIEWS: Record<string, string> = {
  // complaints → search
  complaint_search_source: `SELECT id, kind, tracking_no, status, workplace_street_code, employer_id, received_on,
         created_at, complainant_phone_bidx, complainant_name, complainant_phone_enc, complainant_id_number_bidx,
         ${COMPLAINANT_NAME_KEY} AS complainant_name_key
    FROM complaints`,
};

const BEFORE = `SELECT id, kind, tracking_no, status, workplace_street_code, employer_id, received_on,
         created_at, complainant_phone_bidx, complainant_name, complainant_phone_enc
    FROM complaints`;

export class SearchByWorker1796400010550 implements MigrationInterface {
  name = 'SearchByWorker1796400010550';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_complaints_complainant_name_key" ON "complaints" ((${COMPLAINANT_NAME_KEY}), "created_at")
        WHERE kind = 'COMPLAINT'`,
    );
    for (const [name, select] of Object.entries(SEARCH_BY_WORKER_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    await q.query(`DROP VIEW "complaint_search_source"`);
    await q.query(`CREATE VIEW "complaint_search_source" AS ${BEFORE}`);
    await q.query(`DROP INDEX "public"."idx_complaints_complainant_name_key"`);
  }
}
