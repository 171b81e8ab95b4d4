import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Arbitration gates and commissions: hearing records (attendance, minutes), freed slots, scheduling overrides,
 * decisions on the papers; the commission of a case, its case number, and each commission's settings (case-number
 * format, hearing hours). Pudong's commission is seeded (its id is organisationId('ARBITRATION_COMMISSION', '310115')).
 */
export class ArbitrationGates1795760000000 implements MigrationInterface {
  name = 'ArbitrationGates1795760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" ADD "held_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" ADD "attendance" jsonb`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" ADD "minutes_summary" text`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" ADD "override_reason" text`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" ADD "decided_on_papers_on" date`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" ADD "papers_basis" text`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" ADD "commission_id" uuid`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" ADD "case_no" character varying(64)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_arbitration_cases_case_no" ON "arbitration_cases" ("commission_id", "case_no") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_arbitration_cases_commission_status" ON "arbitration_cases" ("commission_id", "status", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "arbitration_commissions" ("organisation_id" uuid NOT NULL, "case_number_format" character varying(64) NOT NULL, "hearing_day_starts" TIME NOT NULL DEFAULT '08:30:00', "hearing_day_ends" TIME NOT NULL DEFAULT '17:30:00', "source" text NOT NULL, CONSTRAINT "PK_arbitration_commissions" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "arbitration_commissions" ("organisation_id", "case_number_format", "source") VALUES ('f2ab51b6-0aa7-574b-9518-c65764fa73e9', '浦劳人仲〔{year}〕第{n}号', '上海市浦东新区劳动人事争议仲裁委员会 case-number style (platform seed; configurable)')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "arbitration_commissions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_arbitration_cases_commission_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_arbitration_cases_case_no"`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "case_no"`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "commission_id"`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "papers_basis"`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "decided_on_papers_on"`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" DROP COLUMN "override_reason"`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" DROP COLUMN "cancelled_at"`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" DROP COLUMN "minutes_summary"`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" DROP COLUMN "attendance"`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" DROP COLUMN "held_at"`);
  }
}
