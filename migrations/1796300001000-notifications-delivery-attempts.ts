import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SMS deliveries commit SENDING (with the attempt) before the provider call, so a database failure after the call
 * cannot lead to a second send; the variables are kept for the worker's inbox (/my/notifications).
 */
export class NotificationsDeliveryAttempts1796300001000 implements MigrationInterface {
  name = 'NotificationsDeliveryAttempts1796300001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "attempts" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "sending_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "params" jsonb`);
    // Rows sent so far were handed to the provider once.
    await queryRunner.query(
      `UPDATE "notifications" SET "attempts" = 1 WHERE "status" = 'SENT' AND "channel" = 'SMS'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "params"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "sending_since"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "attempts"`);
  }
}
