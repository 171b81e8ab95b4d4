import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case closed as merged (并案, closure type MERGED) names the case it was merged into: the surviving case, an open case
 * of the same employer handled by the same brigade (audit of 2026-12-08: a MERGED closure named none, so any case could
 * leave the KPI and the at-risk list, and the worker was told "并入其他案件办理" with no case to follow).
 * `merged_into_case_no` keeps the surviving case's number (case numbers never change) so that the worker's case file and
 * SMS name it without reading another case's row. Cases merged before this name none (NULL): nothing records which case
 * they went into.
 */
export class InspectionMergedInto1796400010200 implements MigrationInterface {
  name = 'InspectionMergedInto1796400010200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "inspection_cases" ADD "merged_into_case_id" uuid, ADD "merged_into_case_no" character varying(24)`,
    );
    await q.query(
      `ALTER TABLE "inspection_cases" ADD CONSTRAINT "fk_inspection_cases_merged_into" FOREIGN KEY ("merged_into_case_id") REFERENCES "inspection_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "inspection_cases" DROP CONSTRAINT "fk_inspection_cases_merged_into"`);
    await q.query(
      `ALTER TABLE "inspection_cases" DROP COLUMN "merged_into_case_no", DROP COLUMN "merged_into_case_id"`,
    );
  }
}
