import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff lists are newest first (keyset on created_at, id) and filtered by a jurisdiction prefix with LIKE, which
 * a btree on the code cannot serve under the database's collation (C.UTF-8 is not "C"): on the pudong set the
 * complaint list was a parallel sequential scan of 150 k rows (≈180 ms), the mediation list ≈105 ms. An index on
 * (created_at, id) read backwards answers every such page in a few ms (bench/README.md, issue 17.3).
 */
export class ListIndexes1796400000020 implements MigrationInterface {
  name = 'ListIndexes1796400000020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_complaints_created_id" ON "complaints" ("created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_mediation_cases_created_id" ON "mediation_cases" ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_cases_created_id" ON "inspection_cases" ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_arbitration_cases_created_id" ON "arbitration_cases" ("created_at", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_arbitration_cases_created_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_cases_created_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mediation_cases_created_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_complaints_created_id"`);
  }
}
