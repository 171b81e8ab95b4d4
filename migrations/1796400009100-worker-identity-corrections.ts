import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff correct a worker account's recorded identity (a mistyped ID number kept complaints filed for her from being
 * linked): one row per correction, who, when, why, what changed, the replaced values only encrypted. Append-only,
 * as the admin trail is.
 */
export class WorkerIdentityCorrections1796400009100 implements MigrationInterface {
  name = 'WorkerIdentityCorrections1796400009100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "worker_identity_corrections" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "corrected_by_user_id" uuid NOT NULL, "corrected_by_role" character varying(16) NOT NULL, "reason" character varying(500) NOT NULL, "real_name_changed" boolean NOT NULL, "id_number_changed" boolean NOT NULL, "previous_real_name_enc" text, "previous_id_number_enc" text, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_worker_identity_corrections" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_worker_identity_corrections_user" ON "worker_identity_corrections"  ("user_id", "corrected_at") `,
    );
    await q.query(
      `ALTER TABLE "worker_identity_corrections" ADD CONSTRAINT "fk_worker_identity_corrections_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "worker_identity_corrections" ADD CONSTRAINT "fk_worker_identity_corrections_by" FOREIGN KEY ("corrected_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The trail is evidence: rows may be added, never changed or removed.
    await q.query(`
      CREATE FUNCTION worker_identity_corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'worker_identity_corrections is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER worker_identity_corrections_no_update_delete BEFORE UPDATE OR DELETE ON worker_identity_corrections
      FOR EACH ROW EXECUTE FUNCTION worker_identity_corrections_append_only()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER worker_identity_corrections_no_update_delete ON worker_identity_corrections');
    await q.query('DROP FUNCTION worker_identity_corrections_append_only()');
    await q.query(`DROP TABLE "worker_identity_corrections"`);
  }
}
