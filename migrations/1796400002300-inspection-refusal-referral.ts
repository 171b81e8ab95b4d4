import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an inspection refusal told the complainant to turn instead (若干规定 第十八条第四款: 不属于劳动保障监察职权范围
 * 或者本机关管辖的，告知投诉人向有关部门 / 有管辖权的劳动保障行政部门投诉), kept on the case beside the refusal's reasons and
 * note so that the case view and the worker's case file show it. Earlier refusals have none (null).
 */
export class InspectionRefusalReferral1796400002300 implements MigrationInterface {
  name = 'InspectionRefusalReferral1796400002300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inspection_cases" ADD "refusal_refer_to" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inspection_cases" DROP COLUMN "refusal_refer_to"`);
  }
}
