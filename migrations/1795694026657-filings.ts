import { MigrationInterface, QueryRunner } from 'typeorm';

export class Filings1795694026657 implements MigrationInterface {
  name = 'Filings1795694026657';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "closure_notices" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "kind" character varying(16) NOT NULL, "notified_on" date NOT NULL, "effective_on" date NOT NULL, "workers_affected" integer NOT NULL, "resettlement_plan" text, "details" text, "filed_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d776bef3c7dcfa2e24b54d248a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_closure_notices_employer_notified" ON "closure_notices"  ("employer_id", "notified_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_closure_notices_jurisdiction_created" ON "closure_notices"  ("jurisdiction_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "collective_contract_filings" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "contract_kind" character varying(24) NOT NULL, "title" character varying(200) NOT NULL, "text" text NOT NULL, "workers_covered" integer NOT NULL, "signed_on" date NOT NULL, "submitted_on" date NOT NULL, "submitted_late" boolean NOT NULL, "objection_deadline" date NOT NULL, "effective_on" date NOT NULL, "status" character varying(16) NOT NULL, "objected_on" date, "objection_opinion" text, "objected_by_user_id" uuid, "filed_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_74829bdfc4a6fe70b2f2f3a0a63" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_collective_contract_filings_employer" ON "collective_contract_filings"  ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_collective_contract_filings_jurisdiction_created" ON "collective_contract_filings"  ("jurisdiction_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "harmonious_enterprises" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "year" integer NOT NULL, "level" character varying(16) NOT NULL, "recognised_on" date NOT NULL, "valid_until" date NOT NULL, "revoked_on" date, "revocation_reason" text, "registered_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1ad3f812ff67d4734a18a4f7be8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_harmonious_enterprises_jurisdiction_created" ON "harmonious_enterprises"  ("jurisdiction_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_harmonious_enterprises_employer_level_year" ON "harmonious_enterprises"  ("employer_id", "level", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "layoff_filings" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "filed_on" date NOT NULL, "layoff_on" date NOT NULL, "headcount_cut" integer NOT NULL, "total_headcount" integer NOT NULL, "art41_applies" boolean NOT NULL, "union_or_staff_notified_on" date, "grounds" character varying(32) array NOT NULL DEFAULT '{}', "reasons" text NOT NULL, "consultation_record" text, "status" character varying(16) NOT NULL DEFAULT 'FILED', "filed_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8953253669fc1460da9d17bf401" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_layoff_filings_employer_filed" ON "layoff_filings"  ("employer_id", "filed_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_layoff_filings_jurisdiction_created" ON "layoff_filings"  ("jurisdiction_code", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "closure_notices" ADD CONSTRAINT "fk_closure_notices_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collective_contract_filings" ADD CONSTRAINT "fk_collective_contract_filings_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "harmonious_enterprises" ADD CONSTRAINT "fk_harmonious_enterprises_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "layoff_filings" ADD CONSTRAINT "fk_layoff_filings_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "layoff_filings" DROP CONSTRAINT "fk_layoff_filings_employer"`);
    await queryRunner.query(
      `ALTER TABLE "harmonious_enterprises" DROP CONSTRAINT "fk_harmonious_enterprises_employer"`,
    );
    await queryRunner.query(
      `ALTER TABLE "collective_contract_filings" DROP CONSTRAINT "fk_collective_contract_filings_employer"`,
    );
    await queryRunner.query(`ALTER TABLE "closure_notices" DROP CONSTRAINT "fk_closure_notices_employer"`);
    await queryRunner.query(`DROP INDEX "public"."idx_layoff_filings_jurisdiction_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_layoff_filings_employer_filed"`);
    await queryRunner.query(`DROP TABLE "layoff_filings"`);
    await queryRunner.query(`DROP INDEX "public"."uq_harmonious_enterprises_employer_level_year"`);
    await queryRunner.query(`DROP INDEX "public"."idx_harmonious_enterprises_jurisdiction_created"`);
    await queryRunner.query(`DROP TABLE "harmonious_enterprises"`);
    await queryRunner.query(`DROP INDEX "public"."idx_collective_contract_filings_jurisdiction_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_collective_contract_filings_employer"`);
    await queryRunner.query(`DROP TABLE "collective_contract_filings"`);
    await queryRunner.query(`DROP INDEX "public"."idx_closure_notices_jurisdiction_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_closure_notices_employer_notified"`);
    await queryRunner.query(`DROP TABLE "closure_notices"`);
  }
}
