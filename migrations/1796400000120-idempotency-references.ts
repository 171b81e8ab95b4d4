import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency records keep a reference to the created resource instead of a copy of the response (which held the
 * complainant's personal data in plaintext), and are purged by age (issue 15). Existing records of complaint
 * intake keep working: the complaint id is taken from the stored view; anything else is forgotten.
 */
export class IdempotencyReferences1796400000120 implements MigrationInterface {
  name = 'IdempotencyReferences1796400000120';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_records" ADD "resource_type" character varying(32)`);
    await q.query(`ALTER TABLE "idempotency_records" ADD "resource_id" uuid`);
    await q.query(
      `UPDATE "idempotency_records" SET "resource_type" = 'complaint', "resource_id" = ("response_body"->>'id')::uuid
        WHERE "scope" LIKE 'complaint:%'
          AND "response_body"->>'id' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`,
    );
    await q.query(`DELETE FROM "idempotency_records" WHERE "resource_id" IS NULL`);
    await q.query(`ALTER TABLE "idempotency_records" DROP COLUMN "response_body"`);
    await q.query(`ALTER TABLE "idempotency_records" ALTER COLUMN "resource_type" SET NOT NULL`);
    await q.query(`ALTER TABLE "idempotency_records" ALTER COLUMN "resource_id" SET NOT NULL`);
    await q.query(`CREATE INDEX "idx_idempotency_records_created" ON "idempotency_records"  ("created_at") `);
  }

  /** The stored responses are gone: records are dropped (a retry after the rollback is a new request). */
  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "idempotency_records"`);
    await q.query(`DROP INDEX "public"."idx_idempotency_records_created"`);
    await q.query(`ALTER TABLE "idempotency_records" DROP COLUMN "resource_id"`);
    await q.query(`ALTER TABLE "idempotency_records" DROP COLUMN "resource_type"`);
    await q.query(`ALTER TABLE "idempotency_records" ADD "response_body" jsonb NOT NULL`);
  }
}
