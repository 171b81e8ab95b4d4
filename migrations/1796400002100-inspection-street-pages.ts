import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An inspection case's jurisdiction is a street's code, as a complaint's workplace street is (1796400002000): the
 * complaint's, or the planned employer's registered street (a STREET of the register). The CHECK keeps it 9 digits,
 * so a street's own inspectors page its cases by `jurisdiction_code = code` on this index (issue 17.3): on the
 * pudong set the demo inspector's first page walked 460 cases of every street by date.
 */
export class InspectionStreetPages1796400002100 implements MigrationInterface {
  name = 'InspectionStreetPages1796400002100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "inspection_cases" ADD CONSTRAINT "chk_inspection_cases_street_code_length" CHECK (char_length(jurisdiction_code) = 9)`,
    );
    await q.query(
      `CREATE INDEX "idx_inspection_cases_street_created_id" ON "inspection_cases" ("jurisdiction_code", "created_at", "id") `,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_inspection_cases_street_created_id"`);
    await q.query(`ALTER TABLE "inspection_cases" DROP CONSTRAINT "chk_inspection_cases_street_code_length"`);
  }
}
