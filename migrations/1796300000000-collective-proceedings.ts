import { MigrationInterface, QueryRunner } from 'typeorm';

/** A confirmed collective dispute is mediated and arbitrated as one case for all its members (14.8). */
export class CollectiveProceedings1796300000000 implements MigrationInterface {
  name = 'CollectiveProceedings1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mediation_cases" ADD "collective_dispute_id" uuid`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" ADD "collective_dispute_id" uuid`);
    // The first case opened so far for a member of a confirmed dispute becomes the dispute's case (later ones of
    // other members stay theirs alone, so the unique indexes below hold).
    for (const table of ['mediation_cases', 'arbitration_cases'])
      await queryRunner.query(
        `UPDATE "${table}" x SET "collective_dispute_id" = first.dispute_id
           FROM (SELECT DISTINCT ON (c."collective_dispute_id") y."id", c."collective_dispute_id" AS dispute_id
                   FROM "${table}" y JOIN "complaints" c ON c."id" = y."complaint_id"
                  WHERE c."collective_dispute_id" IS NOT NULL
                  ORDER BY c."collective_dispute_id", y."created_at") first
          WHERE x."id" = first."id"`,
      );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_mediation_cases_open_collective" ON "mediation_cases" ("collective_dispute_id") WHERE status = 'OPEN' AND collective_dispute_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_arbitration_cases_open_collective" ON "arbitration_cases" ("collective_dispute_id") WHERE status NOT IN ('CLOSED', 'NOT_ACCEPTED') AND collective_dispute_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_arbitration_cases_open_collective"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mediation_cases_open_collective"`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "collective_dispute_id"`);
    await queryRunner.query(`ALTER TABLE "mediation_cases" DROP COLUMN "collective_dispute_id"`);
  }
}
