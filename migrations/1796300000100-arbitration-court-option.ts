import { MigrationInterface, QueryRunner } from 'typeorm';

/** The day the worker may go to court because the commission is late, and why (16.7). */
export class ArbitrationCourtOption1796300000100 implements MigrationInterface {
  name = 'ArbitrationCourtOption1796300000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "arbitration_cases" ADD "court_option_since" date`);
    await queryRunner.query(
      `ALTER TABLE "arbitration_cases" ADD "court_option_reason" character varying(24)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "court_option_reason"`);
    await queryRunner.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "court_option_since"`);
  }
}
