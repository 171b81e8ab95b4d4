import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsInAppRecipient1795741156294 implements MigrationInterface {
  name = 'NotificationsInAppRecipient1795741156294';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // NOT VALID: enforced for every row written from now on, without failing a deployment over an older in-app
    // row the inbox migration could not give a recipient (none is expected: escalations were the only writer).
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "chk_notifications_in_app_recipient" CHECK (channel <> 'IN_APP' OR recipient_user_id IS NOT NULL) NOT VALID`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "chk_notifications_in_app_recipient"`,
    );
  }
}
