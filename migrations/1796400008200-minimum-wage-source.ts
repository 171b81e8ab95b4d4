import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Shanghai minimum wage of 2,740 元/month from 2025-07-01 (seeded by 1795689066934 as UNVERIFIED) was checked on
 * 2026-12-07 against 沪人社规〔2025〕10号 of 上海市人力资源和社会保障局 (“经市政府同意，从2025年7月1日起，本市调整最低
 * 工资标准”; “月最低工资标准从2690元调整到2740元”): figure and date unchanged, the source names the notice. The
 * 2023-07-01 row keeps UNVERIFIED (its notice was not found). Idempotent: an UPDATE of one known row.
 */
const VERIFIED_2025 =
  '上海市人力资源和社会保障局关于调整本市最低工资标准的通知（沪人社规〔2025〕10号，2740元/月，自2025-07-01起）— verified 2026-12-07: https://rsj.sh.gov.cn/tgzfl_17732/20250714/t0035_1434097.html';
const UNVERIFIED_2025 =
  '上海市人力资源和社会保障局关于调整本市最低工资标准的通知（2025年，2740元/月，自2025-07-01起）— UNVERIFIED: check against the official notice';

export class MinimumWageSource1796400008200 implements MigrationInterface {
  name = 'MinimumWageSource1796400008200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "minimum_wages" SET "source" = $1
        WHERE "province" = '310000' AND "effective_from" = '2025-07-01' AND "monthly_fen" = 274000`,
      [VERIFIED_2025],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "minimum_wages" SET "source" = $1
        WHERE "province" = '310000' AND "effective_from" = '2025-07-01' AND "source" = $2`,
      [UNVERIFIED_2025, VERIFIED_2025],
    );
  }
}
