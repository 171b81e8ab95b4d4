import { MigrationInterface, QueryRunner } from 'typeorm';

export class InspectionPlans1795693972270 implements MigrationInterface {
  name = 'InspectionPlans1795693972270';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inspection_plans" ("id" uuid NOT NULL, "title" character varying(200) NOT NULL, "status" character varying(16) NOT NULL, "scope_codes" text array NOT NULL, "filters" jsonb NOT NULL, "weights" jsonb, "requested_count" integer NOT NULL, "matched_count" integer NOT NULL, "drawable_count" integer NOT NULL, "seed" bigint NOT NULL, "algorithm" character varying(32) NOT NULL, "register_hash" character(64) NOT NULL, "inspector_pool_hash" character(64) NOT NULL, "candidates" jsonb NOT NULL, "inspector_pool" jsonb NOT NULL, "created_by" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c16d2b43b2cf86be36c96a3094" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_plans_status_created" ON "inspection_plans"  ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inspection_plan_items" ("id" uuid NOT NULL, "plan_id" uuid NOT NULL, "position" integer NOT NULL, "employer_id" uuid NOT NULL, "street_code" character varying(12) NOT NULL, "inspector_ids" uuid array NOT NULL, "result" character varying(24), "result_on" date, "result_note" character varying(500), "case_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2ca761280c28689eee3886a2510" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_plan_items_employer" ON "inspection_plan_items"  ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_plan_items_street" ON "inspection_plan_items"  ("street_code") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inspection_plan_items_plan_position" ON "inspection_plan_items"  ("plan_id", "position") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inspection_plan_items_plan_employer" ON "inspection_plan_items"  ("plan_id", "employer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inspector_conflicts" ("id" uuid NOT NULL, "inspector_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "reason" character varying(500) NOT NULL, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d69172fa8a362aee78526b8d7cb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspector_conflicts_employer" ON "inspector_conflicts"  ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inspector_conflicts_pair" ON "inspector_conflicts"  ("inspector_id", "employer_id") `,
    );
    await queryRunner.query(`ALTER TABLE "employers" ADD "street_code" character varying(12)`);
    await queryRunner.query(`ALTER TABLE "employers" ADD "industry_code" character varying(1)`);
    await queryRunner.query(`ALTER TABLE "employers" ADD "size_class" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "employers" ADD "headcount" integer`);
    await queryRunner.query(`CREATE INDEX "idx_employers_street" ON "employers"  ("street_code") `);
    await queryRunner.query(
      `ALTER TABLE "inspection_plan_items" ADD CONSTRAINT "fk_inspection_plan_items_plan" FOREIGN KEY ("plan_id") REFERENCES "inspection_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plan_items" ADD CONSTRAINT "fk_inspection_plan_items_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "fk_inspector_conflicts_inspector" FOREIGN KEY ("inspector_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "fk_inspector_conflicts_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "inspector_conflicts" DROP CONSTRAINT "fk_inspector_conflicts_employer"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspector_conflicts" DROP CONSTRAINT "fk_inspector_conflicts_inspector"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plan_items" DROP CONSTRAINT "fk_inspection_plan_items_employer"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plan_items" DROP CONSTRAINT "fk_inspection_plan_items_plan"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_employers_street"`);
    await queryRunner.query(`ALTER TABLE "employers" DROP COLUMN "headcount"`);
    await queryRunner.query(`ALTER TABLE "employers" DROP COLUMN "size_class"`);
    await queryRunner.query(`ALTER TABLE "employers" DROP COLUMN "industry_code"`);
    await queryRunner.query(`ALTER TABLE "employers" DROP COLUMN "street_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_inspector_conflicts_pair"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspector_conflicts_employer"`);
    await queryRunner.query(`DROP TABLE "inspector_conflicts"`);
    await queryRunner.query(`DROP INDEX "public"."uq_inspection_plan_items_plan_employer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_inspection_plan_items_plan_position"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_plan_items_street"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_plan_items_employer"`);
    await queryRunner.query(`DROP TABLE "inspection_plan_items"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_plans_status_created"`);
    await queryRunner.query(`DROP TABLE "inspection_plans"`);
  }
}
