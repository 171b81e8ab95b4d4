import { MigrationInterface, QueryRunner } from 'typeorm';
import { rewritePiiColumns } from '../src/database/migration-pii';

/** A mainland mobile number (MIIT numbering plan), as worker usernames were until this migration. */
const MOBILE = `'^1[3-9][0-9]{9}$'`;

/**
 * Workers' sign-in numbers encrypted at rest (issue 15, docs/security.md): a worker account's username was its
 * mobile number; the number moves to `login_phone_enc` + `login_phone_bidx` (unique) and the username becomes
 * `worker:<id>`. Failed sign-ins recorded under a mobile number are re-keyed to its blind index.
 */
export class WorkerLoginPhone1796400000110 implements MigrationInterface {
  name = 'WorkerLoginPhone1796400000110';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "login_phone_enc" text`);
    await q.query(`ALTER TABLE "users" ADD "login_phone_bidx" character varying(64)`);
    await rewritePiiColumns(
      q,
      {
        table: 'users',
        key: 'id',
        read: ['username'],
        where: `"role" = 'WORKER' AND "username" ~ ${MOBILE}`,
        write: ['login_phone_enc', 'login_phone_bidx', 'username'],
      },
      (r, pii) => [pii.encrypt(r.username!), pii.blindIndex('phone', r.username!), `worker:${r.__key}`],
    );
    await q.query(`CREATE UNIQUE INDEX "uq_users_login_phone_bidx" ON "users"  ("login_phone_bidx") `);
    await rewritePiiColumns(
      q,
      {
        table: 'login_failures',
        key: 'id',
        read: ['username'],
        where: `"username" ~ ${MOBILE}`,
        write: ['username'],
      },
      (r, pii) => [pii.blindIndex('phone', r.username!)],
    );
  }

  /** Back to the number as username (needs the same keys); failed sign-ins keyed by an index are given up. */
  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "login_failures" WHERE "username" ~ '^[0-9a-f]{64}$'`);
    await rewritePiiColumns(
      q,
      { table: 'users', key: 'id', read: ['login_phone_enc'], write: ['username'] },
      (r, pii) => [pii.decrypt(r.login_phone_enc!)],
    );
    await q.query(`DROP INDEX "public"."uq_users_login_phone_bidx"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "login_phone_bidx"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "login_phone_enc"`);
  }
}
