import { MigrationInterface, QueryRunner } from 'typeorm';

export class HearingPostponement1795690948027 implements MigrationInterface {
  name = 'HearingPostponement1795690948027';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" ADD "postponed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" ADD "postponement_reason" text`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" ADD "replaced_by" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" DROP COLUMN "replaced_by"`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" DROP COLUMN "postponement_reason"`);
    await queryRunner.query(`ALTER TABLE "arbitration_hearings" DROP COLUMN "postponed_at"`);
  }
}
