import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest CLOSED warning of an employer and kind (RiskRepository.latestClosed): a rescore reads it before
 * raising a new warning, so that one closed with a disposal does not come back while no new evidence appears.
 */
export class RiskWarningsClosedIndex1796400002600 implements MigrationInterface {
  name = 'RiskWarningsClosedIndex1796400002600';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_risk_warnings_closed" ON "risk_warnings" ("employer_id", "kind", "closed_at") WHERE status = 'CLOSED'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_risk_warnings_closed"`);
  }
}
