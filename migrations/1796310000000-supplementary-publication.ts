import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supplementary publications (人社部令第29号 第八条: 根据工作需要…可随时公布): a quarter keeps one regular batch per
 * jurisdiction; later batches of the same quarter are marked supplementary.
 */
export class SupplementaryPublication1796310000000 implements MigrationInterface {
  name = 'SupplementaryPublication1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "violation_publications" ADD "supplementary" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_violation_publications_quarter"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_violation_publications_quarter" ON "violation_publications" ("jurisdiction_code", "year", "quarter") WHERE NOT supplementary`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "violation_publications" WHERE "supplementary"`);
    await queryRunner.query(`DROP INDEX "public"."uq_violation_publications_quarter"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_violation_publications_quarter" ON "violation_publications" ("jurisdiction_code", "year", "quarter") `,
    );
    await queryRunner.query(`ALTER TABLE "violation_publications" DROP COLUMN "supplementary"`);
  }
}
