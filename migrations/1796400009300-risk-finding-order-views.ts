import { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_CONTRACT_VIEWS } from './1796400001300-read-contract-views';
import { RISK_PAID_ARREARS_VIEWS } from './1796400007900-risk-paid-arrears-views';

/**
 * The risk scan's referral assessment of a recorded finding (WA-CRIME-THRESHOLD-FINDING) needs to know whether the
 * order to pay was complied with in its period (刑法 第二百七十六条之一: 经政府有关部门责令支付仍不支付; 法释〔2013〕3号
 * 第四条): audit 2026-12-07, a RED on an employer that paid as ordered, before the deadline. Compliance publishes each
 * finding's source case and recorded refusal; inspection its case's order deadline (the recoveries are published
 * already). Columns added at the end (CREATE OR REPLACE).
 */
export const RISK_FINDING_ORDER_VIEWS: Record<string, string> = {
  // compliance → risk: migration 1796400001300's columns, then the source and the refused order
  violation_risk_source: `SELECT id, employer_id, found_on, meets_crime_threshold, source_type, source_id, order_refused
    FROM employer_violations`,
  // inspection → risk: migration 1796400007900's columns, then the order's compliance date
  inspection_risk_source: RISK_PAID_ARREARS_VIEWS.inspection_risk_source.replace(
    /\s+FROM inspection_cases$/,
    `,
         rectify_due_on
    FROM inspection_cases`,
  ),
};

export class RiskFindingOrderViews1796400009300 implements MigrationInterface {
  name = 'RiskFindingOrderViews1796400009300';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(RISK_FINDING_ORDER_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    await q.query(`DROP VIEW "violation_risk_source"`);
    await q.query(`CREATE VIEW "violation_risk_source" AS ${READ_CONTRACT_VIEWS.violation_risk_source}`);
    await q.query(`DROP VIEW "inspection_risk_source"`);
    await q.query(
      `CREATE VIEW "inspection_risk_source" AS ${RISK_PAID_ARREARS_VIEWS.inspection_risk_source}`,
    );
  }
}
