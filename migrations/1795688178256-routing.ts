import { MigrationInterface, QueryRunner } from 'typeorm';

export class Routing1795688178256 implements MigrationInterface {
  name = 'Routing1795688178256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD "wants_arbitration" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "complaints" ADD "possible_duplicate_of" uuid`);
    await queryRunner.query(`ALTER TABLE "complaints" ADD "duplicate_review" character varying(12)`);
    await queryRunner.query(`ALTER TABLE "complaints" ADD "route_target" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "complaints" ADD "route_organisation_id" uuid`);
    await queryRunner.query(`ALTER TABLE "complaints" ADD "routed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_route_organisation" FOREIGN KEY ("route_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_route_organisation"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "routed_at"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "route_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "route_target"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "duplicate_review"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "possible_duplicate_of"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "wants_arbitration"`);
  }
}
