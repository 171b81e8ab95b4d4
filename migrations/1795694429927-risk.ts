import { MigrationInterface, QueryRunner } from 'typeorm';

export class Risk1795694429927 implements MigrationInterface {
  name = 'Risk1795694429927';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "risk_rule_sets" ("version" integer NOT NULL, "rules" jsonb NOT NULL, "note" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c697619556398197fbda5bcba47" PRIMARY KEY ("version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "risk_runs" ("id" uuid NOT NULL, "trigger" character varying(12) NOT NULL, "status" character varying(12) NOT NULL, "as_of" date NOT NULL, "rule_set_version" integer, "progress" integer NOT NULL DEFAULT '0', "counts" jsonb NOT NULL DEFAULT '{}', "error" text, "requested_by" uuid, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f0e0ba3f95b9a1441b12ea986f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "risk_signals" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "source" character varying(24) NOT NULL, "kind" character varying(48) NOT NULL, "value" numeric(14,2) NOT NULL, "observed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_35e1dd1b73eb880456f17820cf4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_risk_signals_employer_observed" ON "risk_signals"  ("employer_id", "observed_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_risk_signals_observation" ON "risk_signals"  ("source", "employer_id", "kind", "observed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "risk_warnings" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "level" character varying(8) NOT NULL, "status" character varying(16) NOT NULL, "street_code" character varying(12), "rule_set_version" integer NOT NULL, "hits" jsonb NOT NULL, "as_of" date NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "red_since" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, "disposal" text, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_2d38bbd4c6978b0fd770c2ba3f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_risk_warnings_street_status" ON "risk_warnings"  ("street_code", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_risk_warnings_open" ON "risk_warnings"  ("employer_id", "kind") WHERE status <> 'CLOSED'`,
    );
    await queryRunner.query(
      `CREATE TABLE "risk_warning_events" ("id" uuid NOT NULL, "warning_id" uuid NOT NULL, "action" character varying(24) NOT NULL, "from_status" character varying(16), "to_status" character varying(16), "actor_user_id" uuid, "actor_role" character varying(16), "data" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa537fa6abfc14dc3563716cfba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_risk_warning_events_warning" ON "risk_warning_events"  ("warning_id", "occurred_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_signals" ADD CONSTRAINT "fk_risk_signals_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_warnings" ADD CONSTRAINT "fk_risk_warnings_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_warning_events" ADD CONSTRAINT "fk_risk_warning_events_warning" FOREIGN KEY ("warning_id") REFERENCES "risk_warnings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "risk_warning_events" DROP CONSTRAINT "fk_risk_warning_events_warning"`,
    );
    await queryRunner.query(`ALTER TABLE "risk_warnings" DROP CONSTRAINT "fk_risk_warnings_employer"`);
    await queryRunner.query(`ALTER TABLE "risk_signals" DROP CONSTRAINT "fk_risk_signals_employer"`);
    await queryRunner.query(`DROP INDEX "public"."idx_risk_warning_events_warning"`);
    await queryRunner.query(`DROP TABLE "risk_warning_events"`);
    await queryRunner.query(`DROP INDEX "public"."uq_risk_warnings_open"`);
    await queryRunner.query(`DROP INDEX "public"."idx_risk_warnings_street_status"`);
    await queryRunner.query(`DROP TABLE "risk_warnings"`);
    await queryRunner.query(`DROP INDEX "public"."uq_risk_signals_observation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_risk_signals_employer_observed"`);
    await queryRunner.query(`DROP TABLE "risk_signals"`);
    await queryRunner.query(`DROP TABLE "risk_runs"`);
    await queryRunner.query(`DROP TABLE "risk_rule_sets"`);
  }
}
