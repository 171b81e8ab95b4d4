import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobFailures1795688935879 implements MigrationInterface {
  name = 'JobFailures1795688935879';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_failures" ("id" uuid NOT NULL, "queue" character varying(40) NOT NULL, "job_name" character varying(60) NOT NULL, "job_id" character varying(120) NOT NULL, "payload" jsonb NOT NULL, "error" text NOT NULL, "attempts" integer NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "requeued_at" TIMESTAMP WITH TIME ZONE, "requeued_by" uuid, CONSTRAINT "PK_c199fe43056ac6b47d3937e7d42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_job_failures_open" ON "job_failures"  ("failed_at") WHERE requeued_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_job_failures_open"`);
    await queryRunner.query(`DROP TABLE "job_failures"`);
  }
}
