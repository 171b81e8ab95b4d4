import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The backtest's own SQL: its population and what happened after (the features come from RiskRepository). */
@Injectable()
export class RiskBacktestRepository {
  /**
   * Employers with activity that can fire a rule between the dates (the backtest's population): complaints,
   * signals, collective disputes, filings, violations and inspection cases.
   */
  async activeEmployers(em: EntityManager, from: string, to: string): Promise<string[]> {
    const parts = [
      `SELECT employer_id FROM complaint_risk_source WHERE received_on BETWEEN $1::date - 97 AND $2::date`,
      `SELECT employer_id FROM risk_signals
        WHERE (observed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date - 365 AND $2::date`,
      `SELECT employer_id FROM collective_dispute_risk_source
        WHERE (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date - 90 AND $2::date`,
    ];
    parts.push(
      `SELECT employer_id FROM layoff_filing_risk_source WHERE filed_on BETWEEN $1::date - 90 AND $2::date`,
    );
    parts.push(
      `SELECT employer_id FROM closure_notice_risk_source WHERE notified_on BETWEEN $1::date - 90 AND $2::date`,
    );
    parts.push(
      `SELECT employer_id FROM violation_risk_source WHERE found_on BETWEEN $1::date - 1095 AND $2::date`,
    );
    parts.push(`SELECT employer_id FROM inspection_risk_source WHERE employer_id IS NOT NULL AND received_on <= $2::date
                    AND (closed_on IS NULL OR closed_on >= $1::date - 1095)`);
    const rows = await em.query<{ id: string }[]>(
      `SELECT DISTINCT employer_id AS id FROM (${parts.join(' UNION ')}) u`,
      [from, to],
    );
    return rows.map((r) => r.id);
  }

  /** What happened after: collective disputes (and transfers to the police, when inspection cases exist). */
  async outcomes(
    em: EntityManager,
    from: string,
    to: string,
  ): Promise<{ employer_id: string; on: string; kind: 'COLLECTIVE_CASE' | 'POLICE_TRANSFER'; id: string }[]> {
    // A transfer to the police closes the inspection case (closed_on is the transfer date).
    return em.query(
      `SELECT employer_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "on", 'COLLECTIVE_CASE' AS kind, id
         FROM collective_dispute_risk_source WHERE (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1 AND $2
       UNION ALL
       SELECT employer_id, COALESCE(closed_on, received_on)::text, 'POLICE_TRANSFER', id FROM inspection_risk_source
        WHERE transferred_to_police AND employer_id IS NOT NULL AND COALESCE(closed_on, received_on) BETWEEN $1 AND $2
       ORDER BY 2`,
      [from, to],
    );
  }
}
