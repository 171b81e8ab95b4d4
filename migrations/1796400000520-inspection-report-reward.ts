import { MigrationInterface, QueryRunner } from 'typeorm';

/** The reward of a substantiated report (举报奖励, 劳动保障监察条例 第九条) on its inspection case (16.9). */
export class InspectionReportReward1796400000520 implements MigrationInterface {
  name = 'InspectionReportReward1796400000520';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inspection_cases" ADD "report_reward_fen" bigint`);
    await queryRunner.query(`ALTER TABLE "inspection_cases" ADD "report_reward_on" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inspection_cases" DROP COLUMN "report_reward_on"`);
    await queryRunner.query(`ALTER TABLE "inspection_cases" DROP COLUMN "report_reward_fen"`);
  }
}
