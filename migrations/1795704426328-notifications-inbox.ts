import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsInbox1795704426328 implements MigrationInterface {
  name = 'NotificationsInbox1795704426328';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "recipient_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "read_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_inbox_unread" ON "notifications"  ("recipient_user_id", "created_at", "id") WHERE recipient_user_id IS NOT NULL AND read_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_inbox" ON "notifications"  ("recipient_user_id", "created_at", "id") WHERE recipient_user_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_recipient" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Backfill: the in-app messages written so far (risk escalations) carry their recipient only in the dedup
    // key `risk-escalate:<warningId>:<userId>`; give them the column, so they show in that user's inbox.
    await queryRunner.query(
      `UPDATE "notifications" n SET "recipient_user_id" = u.id FROM "users" u WHERE n.channel = 'IN_APP' AND n.recipient_user_id IS NULL AND n.dedup_key LIKE 'risk-escalate:%' AND u.id::text = split_part(n.dedup_key, ':', 3)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_inbox"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_inbox_unread"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "read_at"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "recipient_user_id"`);
  }
}
