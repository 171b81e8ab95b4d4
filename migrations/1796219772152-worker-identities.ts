import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerIdentities1796219772152 implements MigrationInterface {
  name = 'WorkerIdentities1796219772152';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "worker_identities" ("user_id" uuid NOT NULL, "real_name" character varying(64) NOT NULL, "id_number" character varying(18) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_0644d59f53b35c24301fbc74f06" UNIQUE ("id_number"), CONSTRAINT "PK_48331f29cd9059f310d295672a8" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD "complainant_verified" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "complaints" ADD "filed_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "complaints" ADD "on_behalf_relationship" character varying(32)`);
    await queryRunner.query(
      `ALTER TABLE "worker_identities" ADD CONSTRAINT "fk_worker_identities_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_filed_by" FOREIGN KEY ("filed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Complaints so far were all filed by their complainant's account; those that name the account's own phone
    // (the worker's verified number) are verified.
    await queryRunner.query(`UPDATE "complaints" c SET "filed_by_user_id" = c."complainant_user_id",
            "complainant_verified" = (c."complainant_phone" IS NOT NULL AND c."complainant_phone" = u."username")
          FROM "users" u WHERE u."id" = c."complainant_user_id" AND c."kind" = 'COMPLAINT'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_filed_by"`);
    await queryRunner.query(`ALTER TABLE "worker_identities" DROP CONSTRAINT "fk_worker_identities_user"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "on_behalf_relationship"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "filed_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "complainant_verified"`);
    await queryRunner.query(`DROP TABLE "worker_identities"`);
  }
}
