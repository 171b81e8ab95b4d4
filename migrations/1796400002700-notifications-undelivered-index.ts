import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Undeliverable messages (status FAILED) per template, for the lrp_sms_undelivered gauge read at each metrics
 * scrape: a partial index, small (failures are rare) where the table is not.
 */
export class NotificationsUndeliveredIndex1796400002700 implements MigrationInterface {
  name = 'NotificationsUndeliveredIndex1796400002700';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_notifications_undelivered" ON "notifications" ("template") WHERE status = 'FAILED'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_notifications_undelivered"`);
  }
}
