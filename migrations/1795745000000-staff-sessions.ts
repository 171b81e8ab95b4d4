import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 (staff and sessions): a staff phone, the per-account session version and temporary-password flag,
 * revoked access tokens (logout), failed sign-ins (per-account throttle) and the append-only admin audit trail.
 */
export class StaffSessions1795745000000 implements MigrationInterface {
  name = 'StaffSessions1795745000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("id" uuid NOT NULL, "username" character varying(64) NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8211e8ec810fd7f976b98ce97a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_login_failures_username" ON "login_failures"  ("username", "failed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "revoked_access_tokens" ("jti" uuid NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_340815421be58a8330570a1d6fb" PRIMARY KEY ("jti"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_revoked_access_tokens_expires" ON "revoked_access_tokens"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "admin_audit_events" ("id" uuid NOT NULL, "actor_user_id" uuid NOT NULL, "action" character varying(40) NOT NULL, "target_type" character varying(16) NOT NULL, "target_id" uuid NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "changes" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bdb2b64889a3fa84b694bb5f2bb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_admin_audit_target" ON "admin_audit_events"  ("target_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_admin_audit_actor" ON "admin_audit_events"  ("actor_user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_admin_audit_created" ON "admin_audit_events"  ("created_at", "id") `,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "phone" character varying(11)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "session_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD "password_change_required" boolean NOT NULL DEFAULT false`,
    );
    // The admin trail is evidence: rows may be added, never changed or removed.
    await queryRunner.query(`
      CREATE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'admin_audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER admin_audit_no_update_delete BEFORE UPDATE OR DELETE ON admin_audit_events
      FOR EACH ROW EXECUTE FUNCTION admin_audit_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER admin_audit_no_update_delete ON admin_audit_events');
    await queryRunner.query('DROP FUNCTION admin_audit_append_only()');
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_change_required"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "session_version"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "phone"`);
    await queryRunner.query(`DROP TABLE "admin_audit_events"`);
    await queryRunner.query(`DROP TABLE "revoked_access_tokens"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }
}
