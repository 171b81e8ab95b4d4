import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform rule against splitting a layoff (reading 劳动合同法 第四十一条; LAYOFF_RULES.AGGREGATION_WINDOW_DAYS):
 * a layoff filing records the earlier filings of the employer counted with it and the figures of the Art 41 test
 * (empty / null: judged alone — every filing before this migration). The risk view gains each filing's layoff date
 * and reported staff, so the feature SQL can apply the same rule to filings of any age, including those made before.
 */
export const LAYOFF_SPLIT_READ_CONTRACT_VIEWS: Record<string, string> = {
  // filings → risk: the columns of migration 1796400001300's view, then the layoff date and the staff reported
  layoff_filing_risk_source: `SELECT id, employer_id, filed_on, headcount_cut, art41_applies, layoff_on, total_headcount
    FROM layoff_filings`,
};

const BEFORE = `SELECT id, employer_id, filed_on, headcount_cut, art41_applies FROM layoff_filings`;

export class LayoffSplitRule1796400003300 implements MigrationInterface {
  name = 'LayoffSplitRule1796400003300';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "layoff_filings" ADD "art41_counted_filing_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await q.query(`ALTER TABLE "layoff_filings" ADD "art41_headcount_cut" integer`);
    await q.query(`ALTER TABLE "layoff_filings" ADD "art41_total_headcount" integer`);
    for (const [name, select] of Object.entries(LAYOFF_SPLIT_READ_CONTRACT_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    await q.query(`DROP VIEW "layoff_filing_risk_source"`);
    await q.query(`CREATE VIEW "layoff_filing_risk_source" AS ${BEFORE}`);
    await q.query(`ALTER TABLE "layoff_filings" DROP COLUMN "art41_total_headcount"`);
    await q.query(`ALTER TABLE "layoff_filings" DROP COLUMN "art41_headcount_cut"`);
    await q.query(`ALTER TABLE "layoff_filings" DROP COLUMN "art41_counted_filing_ids"`);
  }
}
