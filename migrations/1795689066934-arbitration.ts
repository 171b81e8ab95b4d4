import { MigrationInterface, QueryRunner } from 'typeorm';

export class Arbitration1795689066934 implements MigrationInterface {
  name = 'Arbitration1795689066934';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "arbitration_cases" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "source" character varying(12) NOT NULL, "source_mediation_case_id" uuid, "status" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT '1', "jurisdiction_code" character varying(12) NOT NULL, "collective" boolean NOT NULL DEFAULT false, "tribunal" character varying(8), "arbitrator_ids" uuid array NOT NULL DEFAULT '{}', "applied_on" date NOT NULL, "accepted_on" date, "rejection_reason" text, "closed_on" date, "closure_type" character varying(12), "final_award" boolean, "award_served_on" date, "suit_deadline" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e1963b1ad92792d0a38a481716" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_arbitration_cases_street_status" ON "arbitration_cases"  ("jurisdiction_code", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_arbitration_cases_complaint" ON "arbitration_cases"  ("complaint_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "arbitration_claims" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "seq" integer NOT NULL, "type" character varying(24) NOT NULL, "description" text NOT NULL, "amount_fen" bigint NOT NULL, "awarded_fen" bigint, "award_reason" text, "final" boolean, CONSTRAINT "PK_cefce40be8b5f819ea2cbaaac5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_arbitration_claims_case_seq" ON "arbitration_claims"  ("case_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "arbitration_hearings" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "room" character varying(64) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "arbitrator_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2b4cc528366144071f00a12f177" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_arbitration_hearings_room_starts" ON "arbitration_hearings"  ("room", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_arbitration_hearings_case" ON "arbitration_hearings"  ("case_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "minimum_wages" ("province" character varying(6) NOT NULL, "effective_from" date NOT NULL, "monthly_fen" bigint NOT NULL, "source" text NOT NULL, CONSTRAINT "PK_ca0e7e5e1af0828f1ba97eabff5" PRIMARY KEY ("province", "effective_from"))`,
    );
    // Shanghai monthly minimum wage (上海市月最低工资标准), in fen. The figures are from memory and MUST be verified
    // against the official notices of 上海市人力资源和社会保障局 before they decide 一裁终局 in a real proceeding;
    // the source text says so until someone has checked it.
    await queryRunner.query(
      `INSERT INTO "minimum_wages" ("province", "effective_from", "monthly_fen", "source") VALUES
            ('310000', '2023-07-01', 269000, '上海市人力资源和社会保障局关于调整本市最低工资标准的通知（2023年，2690元/月，自2023-07-01起）— UNVERIFIED: check against the official notice'),
            ('310000', '2025-07-01', 274000, '上海市人力资源和社会保障局关于调整本市最低工资标准的通知（2025年，2740元/月，自2025-07-01起）— UNVERIFIED: check against the official notice')`,
    );
    await queryRunner.query(
      `ALTER TABLE "arbitration_cases" ADD CONSTRAINT "fk_arbitration_cases_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "arbitration_claims" ADD CONSTRAINT "fk_arbitration_claims_case" FOREIGN KEY ("case_id") REFERENCES "arbitration_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "arbitration_hearings" ADD CONSTRAINT "fk_arbitration_hearings_case" FOREIGN KEY ("case_id") REFERENCES "arbitration_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "arbitration_hearings" DROP CONSTRAINT "fk_arbitration_hearings_case"`,
    );
    await queryRunner.query(`ALTER TABLE "arbitration_claims" DROP CONSTRAINT "fk_arbitration_claims_case"`);
    await queryRunner.query(
      `ALTER TABLE "arbitration_cases" DROP CONSTRAINT "fk_arbitration_cases_complaint"`,
    );
    await queryRunner.query(`DROP TABLE "minimum_wages"`);
    await queryRunner.query(`DROP INDEX "public"."idx_arbitration_hearings_case"`);
    await queryRunner.query(`DROP INDEX "public"."idx_arbitration_hearings_room_starts"`);
    await queryRunner.query(`DROP TABLE "arbitration_hearings"`);
    await queryRunner.query(`DROP INDEX "public"."uq_arbitration_claims_case_seq"`);
    await queryRunner.query(`DROP TABLE "arbitration_claims"`);
    await queryRunner.query(`DROP INDEX "public"."idx_arbitration_cases_complaint"`);
    await queryRunner.query(`DROP INDEX "public"."idx_arbitration_cases_street_status"`);
    await queryRunner.query(`DROP TABLE "arbitration_cases"`);
  }
}
