import { MigrationInterface, QueryRunner } from 'typeorm';

/** The limitation check of an application: the facts given and the engine's answer (调解仲裁法 第二十七条). */
export class ArbitrationLimitation1795761000000 implements MigrationInterface {
  name = 'ArbitrationLimitation1795761000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "arbitration_cases" ADD "limitation" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "limitation"`);
  }
}
