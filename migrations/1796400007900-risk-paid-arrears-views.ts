import { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_CONTRACT_VIEWS } from './1796400001300-read-contract-views';

/**
 * The risk scan counts as owed only what was found or claimed less what was recovered or paid by the scoring date
 * (audit 2026-12-07: an employer who had paid kept its RED wage-arrears warning). The owners publish what was paid:
 * inspection its recoveries, mediation its instalments with their agreement and case (three plain projections, the
 * chain instalment → agreement → case joined by the reader); a complaint's view gains its collective dispute (a
 * collective mediation pays the dispute's claims together) and an inspection case's its complaint (a recovery on
 * a complaint's case pays that complaint). Columns added at the end (CREATE OR REPLACE).
 */
export const RISK_PAID_ARREARS_VIEWS: Record<string, string> = {
  // complaints → risk: migration 1796400001300's columns, then the collective dispute
  complaint_risk_source: READ_CONTRACT_VIEWS.complaint_risk_source.replace(
    /\s+FROM complaints$/,
    `,
         collective_dispute_id
    FROM complaints`,
  ),
  // inspection → risk: migration 1796400001300's columns, then the complaint the case came from
  inspection_risk_source: `SELECT id, employer_id, jurisdiction_code, received_on, refused_on, closed_on,
         transferred_to_police, workers_affected, months_unpaid, arrears_fen, complaint_id
    FROM inspection_cases`,
  // inspection → risk: wages recovered for workers
  inspection_recovery_risk_source: `SELECT id, case_id, paid_on, amount_fen FROM inspection_recoveries`,
  // mediation → risk: the instalments of agreements, their agreements and cases
  mediation_payment_risk_source: `SELECT id, agreement_id, status, paid_on, amount_fen FROM mediation_instalments`,
  mediation_agreement_risk_source: `SELECT id, case_id FROM mediation_agreements`,
  mediation_case_risk_source: `SELECT id, employer_id, complaint_id, collective_dispute_id FROM mediation_cases`,
};

const REPLACED = ['complaint_risk_source', 'inspection_risk_source'];

export class RiskPaidArrearsViews1796400007900 implements MigrationInterface {
  name = 'RiskPaidArrearsViews1796400007900';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(RISK_PAID_ARREARS_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const name of Object.keys(RISK_PAID_ARREARS_VIEWS).reverse()) await q.query(`DROP VIEW "${name}"`);
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    for (const name of REPLACED) await q.query(`CREATE VIEW "${name}" AS ${READ_CONTRACT_VIEWS[name]}`);
  }
}
