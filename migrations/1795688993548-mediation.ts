import { MigrationInterface, QueryRunner } from 'typeorm';

export class Mediation1795688993548 implements MigrationInterface {
  name = 'Mediation1795688993548';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mediation_cases" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "mediator_user_id" uuid, "street_code" character varying(12) NOT NULL, "employer_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "version" integer NOT NULL DEFAULT '1', "outcome" character varying(16), "outcome_note" text, "opened_on" date NOT NULL, "closed_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26fc973eac7df6d3c1cb2ea4078" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_mediation_cases_open_mediator" ON "mediation_cases"  ("mediator_user_id") WHERE status = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_mediation_cases_street_created" ON "mediation_cases"  ("street_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_mediation_cases_complaint" ON "mediation_cases"  ("complaint_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_mediation_cases_open_complaint" ON "mediation_cases"  ("complaint_id") WHERE status = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE TABLE "mediation_agreements" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "claims" jsonb NOT NULL, "total_fen" bigint NOT NULL, "signed_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c987da4003d6bd8fd27f20c6f11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_mediation_agreements_case" ON "mediation_agreements"  ("case_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mediation_instalments" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "seq" integer NOT NULL, "due_on" date NOT NULL, "amount_fen" bigint NOT NULL, "paid_on" date, "status" character varying(8) NOT NULL, CONSTRAINT "PK_831d747f6c9e634bdb99306b941" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_mediation_instalments_due" ON "mediation_instalments"  ("due_on") WHERE status = 'DUE'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_mediation_instalments_agreement_seq" ON "mediation_instalments"  ("agreement_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mediation_sessions" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(200), "online_link" character varying(500), "notes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce9ebea65a0c9443fab7ce7ac61" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_mediation_sessions_case" ON "mediation_sessions"  ("case_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mediator_conflicts" ("user_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "reason" text, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3b8f5ce3c8f4a90ae83f9d8c6e4" PRIMARY KEY ("user_id", "employer_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediation_cases" ADD CONSTRAINT "fk_mediation_cases_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediation_cases" ADD CONSTRAINT "fk_mediation_cases_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediation_cases" ADD CONSTRAINT "fk_mediation_cases_mediator" FOREIGN KEY ("mediator_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediation_cases" ADD CONSTRAINT "fk_mediation_cases_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediation_agreements" ADD CONSTRAINT "fk_mediation_agreements_case" FOREIGN KEY ("case_id") REFERENCES "mediation_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediation_instalments" ADD CONSTRAINT "fk_mediation_instalments_agreement" FOREIGN KEY ("agreement_id") REFERENCES "mediation_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediation_sessions" ADD CONSTRAINT "fk_mediation_sessions_case" FOREIGN KEY ("case_id") REFERENCES "mediation_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediator_conflicts" ADD CONSTRAINT "fk_mediator_conflicts_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediator_conflicts" ADD CONSTRAINT "fk_mediator_conflicts_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "mediator_conflicts" DROP CONSTRAINT "fk_mediator_conflicts_employer"`,
    );
    await queryRunner.query(`ALTER TABLE "mediator_conflicts" DROP CONSTRAINT "fk_mediator_conflicts_user"`);
    await queryRunner.query(`ALTER TABLE "mediation_sessions" DROP CONSTRAINT "fk_mediation_sessions_case"`);
    await queryRunner.query(
      `ALTER TABLE "mediation_instalments" DROP CONSTRAINT "fk_mediation_instalments_agreement"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediation_agreements" DROP CONSTRAINT "fk_mediation_agreements_case"`,
    );
    await queryRunner.query(`ALTER TABLE "mediation_cases" DROP CONSTRAINT "fk_mediation_cases_employer"`);
    await queryRunner.query(`ALTER TABLE "mediation_cases" DROP CONSTRAINT "fk_mediation_cases_mediator"`);
    await queryRunner.query(
      `ALTER TABLE "mediation_cases" DROP CONSTRAINT "fk_mediation_cases_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "mediation_cases" DROP CONSTRAINT "fk_mediation_cases_complaint"`);
    await queryRunner.query(`DROP TABLE "mediator_conflicts"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mediation_sessions_case"`);
    await queryRunner.query(`DROP TABLE "mediation_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mediation_instalments_agreement_seq"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mediation_instalments_due"`);
    await queryRunner.query(`DROP TABLE "mediation_instalments"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mediation_agreements_case"`);
    await queryRunner.query(`DROP TABLE "mediation_agreements"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mediation_cases_open_complaint"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mediation_cases_complaint"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mediation_cases_street_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mediation_cases_open_mediator"`);
    await queryRunner.query(`DROP TABLE "mediation_cases"`);
  }
}
