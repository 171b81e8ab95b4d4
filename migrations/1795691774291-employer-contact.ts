import { MigrationInterface, QueryRunner } from 'typeorm';

export class EmployerContact1795691774291 implements MigrationInterface {
  name = 'EmployerContact1795691774291';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "employers" ADD "contact_phone" character varying(11)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "employers" DROP COLUMN "contact_phone"`);
  }
}
