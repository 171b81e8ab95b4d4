import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaReadModel1795694247113 implements MigrationInterface {
  name = 'SlaReadModel1795694247113';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sla_case_facts" ("case_type" character varying(16) NOT NULL, "case_id" uuid NOT NULL, "street_code" character varying(12) NOT NULL, "organisation_id" uuid NOT NULL, "started_on" date NOT NULL, "due_on" date, "closed_on" date, "agreement" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_111bfd590946c3976122198118c" PRIMARY KEY ("case_type", "case_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_sla_case_facts_closed" ON "sla_case_facts"  ("case_type", "closed_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_sla_case_facts_open" ON "sla_case_facts"  ("case_type", "due_on") WHERE closed_on IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "sla_monthly_cells" ("street_code" character varying(12) NOT NULL, "organisation_id" uuid NOT NULL, "month" character(7) NOT NULL, "arb_accepted" integer NOT NULL DEFAULT '0', "arb_closed" integer NOT NULL DEFAULT '0', "arb_handling_days" integer NOT NULL DEFAULT '0', "ins_on_time" integer NOT NULL DEFAULT '0', "ins_late_closed" integer NOT NULL DEFAULT '0', "ins_open_due" integer NOT NULL DEFAULT '0', "med_concluded" integer NOT NULL DEFAULT '0', "med_agreements" integer NOT NULL DEFAULT '0', "med_within_15" integer NOT NULL DEFAULT '0', "med_handling_days" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_11507636f2bbbe9befe2c57e185" PRIMARY KEY ("street_code", "organisation_id", "month"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_sla_monthly_cells_month" ON "sla_monthly_cells"  ("month") `);
    await queryRunner.query(
      `CREATE TABLE "sla_recompute_runs" ("id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "facts" integer NOT NULL, "cells" integer NOT NULL, "mismatched_cells" integer NOT NULL, "sample" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_5dd5c88d83567da1d1723790004" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sla_recompute_runs"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sla_monthly_cells_month"`);
    await queryRunner.query(`DROP TABLE "sla_monthly_cells"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sla_case_facts_open"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sla_case_facts_closed"`);
    await queryRunner.query(`DROP TABLE "sla_case_facts"`);
  }
}
