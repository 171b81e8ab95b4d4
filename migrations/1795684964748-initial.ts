import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795684964748 implements MigrationInterface {
  name = 'Initial1795684964748';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_events" ("id" uuid NOT NULL, "case_type" character varying(16) NOT NULL, "case_id" uuid NOT NULL, "action" character varying(40) NOT NULL, "from_status" character varying(24), "to_status" character varying(24), "actor_user_id" uuid, "actor_role" character varying(16), "data" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_case_events_case" ON "case_events"  ("case_type", "case_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "otp_codes" ("id" uuid NOT NULL, "phone" character varying(11) NOT NULL, "code_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9d0487965ac1837d57fec4d6a26" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_otp_codes_phone_created" ON "otp_codes"  ("phone", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL, "name" character varying(120) NOT NULL, "kind" character varying(32) NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "username" character varying(64) NOT NULL, "password_hash" text, "role" character varying(16) NOT NULL, "organisation_id" uuid, "jurisdiction_codes" text array NOT NULL DEFAULT '{}', "display_name" character varying(64), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL, "family_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_refresh_tokens_family" ON "refresh_tokens"  ("family_id") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_records" ("scope" character varying(80) NOT NULL, "key" character varying(128) NOT NULL, "request_hash" character(64) NOT NULL, "response_status" integer NOT NULL, "response_body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c03b6adebf385ca991d085063a" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "employers" ("id" uuid NOT NULL, "uscc" character(18), "name" character varying(200) NOT NULL, "name_normalised" character varying(200) NOT NULL, "address" character varying(300), "source" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f2c1aea3e8d7aa3c5fba949c97d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_employers_uscc" ON "employers"  ("uscc") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_employers_name_without_uscc" ON "employers"  ("name_normalised") WHERE uscc IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "jurisdictions" ("code" character varying(12) NOT NULL, "name" character varying(64) NOT NULL, "level" character varying(16) NOT NULL, "parent_code" character varying(12), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e33b5f6afb84e58de0c2399edb0" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_jurisdictions_parent" ON "jurisdictions"  ("parent_code") `);
    await queryRunner.query(
      `CREATE TABLE "complaints" ("id" uuid NOT NULL, "tracking_no" character varying(24) NOT NULL, "kind" character varying(10) NOT NULL, "status" character varying(24) NOT NULL, "category" character varying(32) NOT NULL, "channel" character varying(16) NOT NULL, "employer_id" uuid NOT NULL, "workplace_street_code" character varying(12) NOT NULL, "claimed_amount_fen" bigint, "affected_workers" integer NOT NULL, "facts" text NOT NULL, "requests" text NOT NULL, "complainant_user_id" uuid, "complainant_name" character varying(64), "complainant_id_number" character varying(18), "complainant_phone" character varying(11), "access_code_hash" text, "access_failures" integer NOT NULL DEFAULT '0', "access_locked_until" TIMESTAMP WITH TIME ZONE, "received_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_4b7566a2a489c2cc7c12ed076ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_complaints_tracking_no" ON "complaints"  ("tracking_no") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_complaints_employer_created" ON "complaints"  ("employer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_complaints_complainant_created" ON "complaints"  ("complainant_user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_complaints_street_created" ON "complaints"  ("workplace_street_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "complaint_messages" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "author" character varying(12) NOT NULL, "author_user_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_124369149771e8375e8b593bb20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_complaint_messages_complaint" ON "complaint_messages"  ("complaint_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "tracking_counters" ("prefix" character varying(4) NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_5ff94f7393913a6f614749f30a7" PRIMARY KEY ("prefix", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL, "dedup_key" character varying(120) NOT NULL, "channel" character varying(16) NOT NULL, "template" character varying(40) NOT NULL, "subject_ref" character varying(80) NOT NULL, "status" character varying(12) NOT NULL, "provider_message_id" character varying(80), "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4b9358d8a649bfbd1aac36de71d" UNIQUE ("dedup_key"), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" uuid NOT NULL, "queue" character varying(40) NOT NULL, "job_name" character varying(60) NOT NULL, "payload" jsonb NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_pending" ON "outbox_messages"  ("available_at") WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "fk_refresh_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_street" FOREIGN KEY ("workplace_street_code") REFERENCES "jurisdictions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_complainant" FOREIGN KEY ("complainant_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaint_messages" ADD CONSTRAINT "fk_complaint_messages_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "complaint_messages" DROP CONSTRAINT "fk_complaint_messages_complaint"`,
    );
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_complainant"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_street"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_employer"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_user"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "tracking_counters"`);
    await queryRunner.query(`DROP INDEX "public"."idx_complaint_messages_complaint"`);
    await queryRunner.query(`DROP TABLE "complaint_messages"`);
    await queryRunner.query(`DROP INDEX "public"."idx_complaints_street_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_complaints_complainant_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_complaints_employer_created"`);
    await queryRunner.query(`DROP INDEX "public"."uq_complaints_tracking_no"`);
    await queryRunner.query(`DROP TABLE "complaints"`);
    await queryRunner.query(`DROP INDEX "public"."idx_jurisdictions_parent"`);
    await queryRunner.query(`DROP TABLE "jurisdictions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_employers_name_without_uscc"`);
    await queryRunner.query(`DROP INDEX "public"."uq_employers_uscc"`);
    await queryRunner.query(`DROP TABLE "employers"`);
    await queryRunner.query(`DROP TABLE "idempotency_records"`);
    await queryRunner.query(`DROP INDEX "public"."idx_refresh_tokens_family"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP INDEX "public"."idx_otp_codes_phone_created"`);
    await queryRunner.query(`DROP TABLE "otp_codes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_case_events_case"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
  }
}
