import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RISK_LEVELS, type RiskLevel } from './draw';

/** Token of the {@link EmployerRiskLevels} provider. */
export const EMPLOYER_RISK_LEVELS = 'EmployerRiskLevels';

/** The current risk level of employers, for weighting a draw. */
export interface EmployerRiskLevels {
  /** The highest open warning level of each employer that has one (employers without one are absent). */
  levelsOf(em: EntityManager, employerIds: readonly string[]): Promise<Map<string, RiskLevel>>;
}

/**
 * Default: the highest level among the employer's warnings that are not CLOSED in table `risk_warnings` (owned by
 * the early-warning module), when that table exists; otherwise no employer has a level (every weight is NONE's).
 */
@Injectable()
export class OpenWarningRiskLevels implements EmployerRiskLevels {
  async levelsOf(em: EntityManager, employerIds: readonly string[]): Promise<Map<string, RiskLevel>> {
    const levels = new Map<string, RiskLevel>();
    if (!employerIds.length) return levels;
    const [{ present }] = await em.query<{ present: boolean }[]>(
      `SELECT to_regclass('public.risk_warnings') IS NOT NULL AS present`,
    );
    if (!present) return levels;
    const rows = await em.query<{ employerId: string; level: string }[]>(
      `SELECT DISTINCT employer_id AS "employerId", level FROM risk_warnings
        WHERE employer_id = ANY($1::uuid[]) AND status <> 'CLOSED'`,
      [employerIds],
    );
    const rank = (l: string) => RISK_LEVELS.indexOf(l as RiskLevel);
    for (const r of rows) {
      const seen = levels.get(r.employerId);
      if (rank(r.level) >= 0 && (seen === undefined || rank(r.level) > rank(seen)))
        levels.set(r.employerId, r.level as RiskLevel);
    }
    return levels;
  }
}
