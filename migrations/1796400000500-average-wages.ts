import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The average-annual-wage threshold of 简易处理 (办案规则 第五十六条第一款第（二）项) as a dated table per province, like
 * minimum_wages (16.5). Shanghai's figures are the 全口径城镇单位就业人员平均工资 as remembered from the yearly
 * publications of 上海市人力资源和社会保障局 / 上海市统计局; they could not be checked against the publications in this
 * session, so each source says UNVERIFIED until someone has (docs/legal-rules.md).
 */
export class AverageWages1796400000500 implements MigrationInterface {
  name = 'AverageWages1796400000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "average_wages" ("province" character varying(6) NOT NULL, "effective_from" date NOT NULL, "reference_year" integer NOT NULL, "annual_fen" bigint NOT NULL, "source" text NOT NULL, CONSTRAINT "PK_960305c08f962c87c9b791680a4" PRIMARY KEY ("province", "effective_from"))`,
    );
    await queryRunner.query(
      `INSERT INTO "average_wages" ("province", "effective_from", "reference_year", "annual_fen", "source") VALUES
            ('310000', '2023-07-01', 2022, 14619600, '上海市2022年全口径城镇单位就业人员平均工资 12,183元/月 (146,196元/年)，上海市人力资源和社会保障局、上海市统计局公布（2023年）— UNVERIFIED: check against the official publication'),
            ('310000', '2024-07-01', 2023, 14768400, '上海市2023年全口径城镇单位就业人员平均工资 12,307元/月 (147,684元/年)，上海市人力资源和社会保障局、上海市统计局公布（2024年）— UNVERIFIED: check against the official publication'),
            ('310000', '2025-07-01', 2024, 14920800, '上海市2024年全口径城镇单位就业人员平均工资 12,434元/月 (149,208元/年)，上海市人力资源和社会保障局、上海市统计局公布（2025年）— UNVERIFIED: check against the official publication')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "average_wages"`);
  }
}
