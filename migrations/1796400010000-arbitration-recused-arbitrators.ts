import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The arbitrators recused from a case (回避 decided, 调解仲裁法 第三十三条): a member replaced by reason of recusal
 * never sits on that case's tribunal or hearings again (ArbitrationColleagues), and the directory leaves them out.
 */
export class ArbitrationRecusedArbitrators1796400010000 implements MigrationInterface {
  name = 'ArbitrationRecusedArbitrators1796400010000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "arbitration_cases" ADD "recused_arbitrator_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "arbitration_cases" DROP COLUMN "recused_arbitrator_ids"`);
  }
}
