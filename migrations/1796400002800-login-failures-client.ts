import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins keyed by account and client address (a keyed blind index of the address, never the address): one
 * address failing 10 times locks that address out of the account, not the account's owner elsewhere; a much higher
 * ceiling per account remains (LOGIN_THROTTLE, session.service.ts). Rows from before have no address and count for
 * the account only; they leave the 15-minute window soon after the deploy.
 */
export class LoginFailuresClient1796400002800 implements MigrationInterface {
  name = 'LoginFailuresClient1796400002800';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "login_failures" ADD "client_key" character varying(64)`);
    await q.query(
      `CREATE INDEX "idx_login_failures_username_client" ON "login_failures" ("username", "client_key", "failed_at") `,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_login_failures_username_client"`);
    await q.query(`ALTER TABLE "login_failures" DROP COLUMN "client_key"`);
  }
}
