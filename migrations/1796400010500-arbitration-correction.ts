import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An arbitration application's 补正 (劳动人事争议仲裁办案规则 第二十九条第四款: 一次性告知申请人需要补正的全部材料): the
 * one request (items, note, the applicant's period) and the answers once supplied. Null on every case before it.
 */
export class ArbitrationCorrection1796400010500 implements MigrationInterface {
  name = 'ArbitrationCorrection1796400010500';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "arbitration_cases" ADD "correction" jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "correction"`);
  }
}
