import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification's dedup key may hold four ids: a collective dispute's member gets the proceeding's key plus its own
 * complaint id (complainant.service.ts notifyComplainant), e.g. arbitration:<case>:provisional:<ruling>:<member>
 * (134 characters) or arbitration:<case>:period:<clock>:<type>:<date>:<member>. At varchar(120) those inserts failed
 * and the job retried until it gave up: the hearing, 先予执行 and period notices reached the representative only.
 */
export class NotificationsDedupKeyLength1796400003500 implements MigrationInterface {
  name = 'NotificationsDedupKeyLength1796400003500';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ALTER COLUMN "dedup_key" TYPE character varying(255)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ALTER COLUMN "dedup_key" TYPE character varying(120)`);
  }
}
