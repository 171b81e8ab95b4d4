import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal-data access log keeps one row per read, with the cases it showed (issue 17): a street mediator's
 * complaints page of 20 wrote 20 rows — 20 heap tuples, 80 index entries, 20 foreign-key checks of the same user —
 * the dearest statement of that read (bench/README.md, eighth and fourteenth passes). The record says the same: who,
 * which cases, when, why. Each existing row becomes a read of its one case.
 */
export class PiiAccessPerRead1796400001800 implements MigrationInterface {
  name = 'PiiAccessPerRead1796400001800';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "pii_access_log" ADD "case_ids" uuid array`);
    await q.query(`UPDATE "pii_access_log" SET "case_ids" = ARRAY["case_id"]`);
    await q.query(`ALTER TABLE "pii_access_log" ALTER COLUMN "case_ids" SET NOT NULL`);
    await q.query(`DROP INDEX "public"."idx_pii_access_log_case"`);
    await q.query(`ALTER TABLE "pii_access_log" DROP COLUMN "case_id"`);
    // The reads of one case (GET /admin/pii-access?caseId=): the arrays' elements, indexed.
    await q.query(`CREATE INDEX "idx_pii_access_log_cases" ON "pii_access_log" USING gin ("case_ids")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_pii_access_log_cases"`);
    await q.query(`ALTER TABLE "pii_access_log" ADD "case_id" uuid`);
    // A read of several cases becomes a row per case, under new ids but the same reader, time and use.
    await q.query(
      `INSERT INTO "pii_access_log" (id, user_id, role, case_type, case_id, case_ids, purpose, accessed_at)
       SELECT gen_random_uuid(), a.user_id, a.role, a.case_type, c.id, a.case_ids, a.purpose, a.accessed_at
         FROM "pii_access_log" a CROSS JOIN LATERAL unnest(a.case_ids[2:]) AS c(id)`,
    );
    await q.query(`UPDATE "pii_access_log" SET "case_id" = "case_ids"[1] WHERE "case_id" IS NULL`);
    await q.query(`ALTER TABLE "pii_access_log" ALTER COLUMN "case_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "pii_access_log" DROP COLUMN "case_ids"`);
    await q.query(`CREATE INDEX "idx_pii_access_log_case" ON "pii_access_log" ("case_id", "accessed_at") `);
  }
}
