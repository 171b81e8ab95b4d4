import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clock of the commission's decision on a recusal application (ARBITRATION_RECUSAL_DECISION, 办案规则 第十一条),
 * one per application: kept on the application, so its decision stops its own clock.
 */
export class RecusalDecisionClock1796400010450 implements MigrationInterface {
  name = 'RecusalDecisionClock1796400010450';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "arbitration_recusals" ADD "decision_clock_id" uuid`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "arbitration_recusals" DROP COLUMN "decision_clock_id"`);
  }
}
