import { MigrationInterface, QueryRunner } from 'typeorm';

/** 16.10: criminal liability and 农民工 on violations; the prior notice and statement period before a listing. */

export class Registers1796300000200 implements MigrationInterface {
  name = 'Registers1796300000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "blacklist_notices" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "violation_id" uuid NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "noticed_on" date NOT NULL, "statement_due_on" date NOT NULL, "statement_on" date, "statement_summary" text, "noticed_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cc26f2c19f67e8ce77b4bd81ace" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_blacklist_notices_violation" ON "blacklist_notices"  ("violation_id", "noticed_on") `,
    );
    await queryRunner.query(`ALTER TABLE "employer_violations" ADD "criminal_liability_on" date`);
    await queryRunner.query(
      `ALTER TABLE "employer_violations" ADD "criminal_liability_ref" character varying(64)`,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_violations" ADD "migrant_workers" boolean NOT NULL DEFAULT false`,
    );
    // A listing already decided was decided on the 农民工 list: its violation concerns migrant workers.
    await queryRunner.query(
      `UPDATE "employer_violations" SET "migrant_workers" = true WHERE "id" IN (SELECT "violation_id" FROM "wage_arrears_blacklist")`,
    );
    await queryRunner.query(
      `ALTER TABLE "blacklist_notices" ADD CONSTRAINT "fk_blacklist_notices_violation" FOREIGN KEY ("violation_id") REFERENCES "employer_violations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "blacklist_notices" DROP CONSTRAINT "fk_blacklist_notices_violation"`,
    );
    await queryRunner.query(`ALTER TABLE "employer_violations" DROP COLUMN "migrant_workers"`);
    await queryRunner.query(`ALTER TABLE "employer_violations" DROP COLUMN "criminal_liability_ref"`);
    await queryRunner.query(`ALTER TABLE "employer_violations" DROP COLUMN "criminal_liability_on"`);
    await queryRunner.query(`DROP INDEX "public"."idx_blacklist_notices_violation"`);
    await queryRunner.query(`DROP TABLE "blacklist_notices"`);
  }
}
