import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An arbitration case carries its complaint's employer (the respondent), as mediation and inspection cases do, and
 * publishes it to the search (docs/read-contracts.md). The search by an employer's name walked the arbitration
 * cases newest first and read each one's complaint by its key for its employer: on the pudong set 487 cases and
 * 1,948 of the search's 3,685 buffers for "物流" (bench/README.md, twenty-fourth pass). The copy is the complaint's
 * at every moment: the case is opened with it, and a complaint's employer replaced afterwards (补正 of a complaint a
 * worker had already taken to arbitration directly, complaint-correction.service.ts) is written to its cases by a
 * trigger in the same statement. The trigger fires only on an UPDATE that sets `employer_id` to another value:
 * intake's INSERTs and the status updates do not run it.
 */
export const ARBITRATION_EMPLOYER_READ_CONTRACT_VIEWS: Record<string, string> = {
  // arbitration → search: the columns of migration 1796400001400's view, and the employer
  arbitration_search_source: `SELECT id, complaint_id, case_no, status, jurisdiction_code, commission_id, applied_on,
         created_at, employer_id
    FROM arbitration_cases`,
};

const BEFORE = `SELECT id, complaint_id, case_no, status, jurisdiction_code, commission_id, applied_on, created_at
    FROM arbitration_cases`;

export class ArbitrationCaseEmployer1796400001900 implements MigrationInterface {
  name = 'ArbitrationCaseEmployer1796400001900';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "arbitration_cases" ADD "employer_id" uuid`);
    await q.query(
      `UPDATE "arbitration_cases" a SET "employer_id" = c."employer_id" FROM "complaints" c WHERE c."id" = a."complaint_id"`,
    );
    await q.query(`ALTER TABLE "arbitration_cases" ALTER COLUMN "employer_id" SET NOT NULL`);
    await q.query(
      `ALTER TABLE "arbitration_cases" ADD CONSTRAINT "fk_arbitration_cases_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE INDEX "idx_arbitration_cases_employer" ON "arbitration_cases" ("employer_id") `);
    await q.query(`
      CREATE FUNCTION arbitration_cases_follow_complaint_employer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE arbitration_cases SET employer_id = NEW.employer_id WHERE complaint_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER complaints_employer_to_arbitration_cases AFTER UPDATE OF employer_id ON complaints
        FOR EACH ROW WHEN (OLD.employer_id IS DISTINCT FROM NEW.employer_id)
        EXECUTE FUNCTION arbitration_cases_follow_complaint_employer()`);
    for (const [name, select] of Object.entries(ARBITRATION_EMPLOYER_READ_CONTRACT_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    await q.query(`DROP VIEW "arbitration_search_source"`);
    await q.query(`CREATE VIEW "arbitration_search_source" AS ${BEFORE}`);
    await q.query(`DROP TRIGGER complaints_employer_to_arbitration_cases ON complaints`);
    await q.query(`DROP FUNCTION arbitration_cases_follow_complaint_employer()`);
    await q.query(`DROP INDEX "public"."idx_arbitration_cases_employer"`);
    await q.query(`ALTER TABLE "arbitration_cases" DROP CONSTRAINT "fk_arbitration_cases_employer"`);
    await q.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "employer_id"`);
  }
}
