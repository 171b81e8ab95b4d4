import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared rate-limit counters (15.7): every API replica counts against the same limit. UNLOGGED: not written to the
 * WAL (cheap), emptied after a crash, which only resets the windows. No entity: only PgThrottlerStorage reads it.
 */
export class RateLimitHits1796300000300 implements MigrationInterface {
  name = 'RateLimitHits1796300000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit_hits" ("key" text PRIMARY KEY, "hits" integer NOT NULL,
        "window_ends" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_hits"`);
  }
}
