import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A street's own staff page their street's complaints and mediation cases by `column = code` instead of `column LIKE
 * 'code%'` (query-helpers.ts, `whereInJurisdictions`; issue 17.3). A complaint's workplace street is a street-level
 * code, 9 digits (the DTO's pattern and the jurisdictions register); the CHECKs keep every row so, which is what
 * makes a street's code match its own rows alone by equality. The street indexes gain the id, the keyset's second
 * key, so a page is read in its order from the street's part of the index: on the pudong set the street mediator's
 * first page reads 22 buffers instead of walking 617 complaints of every street by date (545 buffers).
 */
export class StreetCodePages1796400002000 implements MigrationInterface {
  name = 'StreetCodePages1796400002000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "chk_complaints_street_code_length" CHECK (char_length(workplace_street_code) = 9)`,
    );
    await q.query(
      `ALTER TABLE "mediation_cases" ADD CONSTRAINT "chk_mediation_cases_street_code_length" CHECK (char_length(street_code) = 9)`,
    );
    await q.query(`DROP INDEX "public"."idx_complaints_street_created"`);
    await q.query(
      `CREATE INDEX "idx_complaints_street_created_id" ON "complaints" ("workplace_street_code", "created_at", "id") `,
    );
    await q.query(`DROP INDEX "public"."idx_mediation_cases_street_created"`);
    await q.query(
      `CREATE INDEX "idx_mediation_cases_street_created_id" ON "mediation_cases" ("street_code", "created_at", "id") `,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_mediation_cases_street_created_id"`);
    await q.query(
      `CREATE INDEX "idx_mediation_cases_street_created" ON "mediation_cases" ("street_code", "created_at") `,
    );
    await q.query(`DROP INDEX "public"."idx_complaints_street_created_id"`);
    await q.query(
      `CREATE INDEX "idx_complaints_street_created" ON "complaints" ("workplace_street_code", "created_at") `,
    );
    await q.query(`ALTER TABLE "mediation_cases" DROP CONSTRAINT "chk_mediation_cases_street_code_length"`);
    await q.query(`ALTER TABLE "complaints" DROP CONSTRAINT "chk_complaints_street_code_length"`);
  }
}
