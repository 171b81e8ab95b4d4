import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintsEmployerReceived1795708873687 implements MigrationInterface {
  name = 'ComplaintsEmployerReceived1795708873687';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_complaints_employer_received" ON "complaints"  ("employer_id", "received_on") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_complaints_employer_received"`);
  }
}
