import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaHandlingDays1795698616580 implements MigrationInterface {
  name = 'SlaHandlingDays1795698616580';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sla_handling_days" ("case_type" character varying(16) NOT NULL, "street_code" character varying(12) NOT NULL, "organisation_id" uuid NOT NULL, "year" integer NOT NULL, "days" integer NOT NULL, "cases" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_04b9fdfcea1f59328ab217dabaa" PRIMARY KEY ("case_type", "street_code", "organisation_id", "year", "days"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_sla_handling_days_year" ON "sla_handling_days"  ("year", "case_type") `,
    );
    // The read model's version (SlaAggregatesService bumps it after each committed change; summary cache key).
    await queryRunner.query(`CREATE SEQUENCE "sla_read_model_version"`);
    // Backfill from the facts already derived, so the summary is right before the next nightly recompute.
    await queryRunner.query(
      `INSERT INTO "sla_handling_days" ("case_type", "street_code", "organisation_id", "year", "days", "cases") SELECT case_type, street_code, organisation_id, extract(year FROM closed_on)::int, closed_on - started_on, count(*)::int FROM sla_case_facts WHERE closed_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "sla_read_model_version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sla_handling_days_year"`);
    await queryRunner.query(`DROP TABLE "sla_handling_days"`);
  }
}
