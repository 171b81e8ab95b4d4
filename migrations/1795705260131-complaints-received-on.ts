import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintsReceivedOn1795705260131 implements MigrationInterface {
  name = 'ComplaintsReceivedOn1795705260131';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_complaints_received_on" ON "complaints"  ("received_on") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_complaints_received_on"`);
  }
}
