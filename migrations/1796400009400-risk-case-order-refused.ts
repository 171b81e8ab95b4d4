import { MigrationInterface, QueryRunner } from 'typeorm';
import { RISK_FINDING_ORDER_VIEWS } from './1796400009300-risk-finding-order-views';

/**
 * The risk scan's referral assessment of an inspection case (WA-CRIME-THRESHOLD-CASE) needs whether its order to pay
 * was refused (刑法 第二百七十六条之一: 经政府有关部门责令支付仍不支付; 法释〔2013〕3号 第四条): audit 2026-12-07, a RED
 * 评估移送公安机关 on a case with no order yet, or one still in its period. Inspection publishes the refusal recorded
 * (`POST /api/v1/inspection/cases/:id/order-refused`); the order's last day and the recoveries are published already.
 * Column added at the end (CREATE OR REPLACE).
 */
export const RISK_CASE_ORDER_VIEWS: Record<string, string> = {
  // inspection → risk: migration 1796400009300's columns, then the refusal of the order recorded
  inspection_risk_source: RISK_FINDING_ORDER_VIEWS.inspection_risk_source.replace(
    /\s+FROM inspection_cases$/,
    `,
         order_refused
    FROM inspection_cases`,
  ),
};

export class RiskCaseOrderRefused1796400009400 implements MigrationInterface {
  name = 'RiskCaseOrderRefused1796400009400';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(RISK_CASE_ORDER_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    for (const name of Object.keys(RISK_CASE_ORDER_VIEWS)) {
      await q.query(`DROP VIEW "${name}"`);
      await q.query(`CREATE VIEW "${name}" AS ${RISK_FINDING_ORDER_VIEWS[name]}`);
    }
  }
}
