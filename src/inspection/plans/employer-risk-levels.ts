import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RiskWarningsService } from '../../risk/risk-warnings.service';
import type { RiskLevel } from './draw';

/** Token of the {@link EmployerRiskLevels} provider. */
export const EMPLOYER_RISK_LEVELS = 'EmployerRiskLevels';

/** The current risk level of employers, for weighting a draw. */
export interface EmployerRiskLevels {
  /** The highest open warning level of each employer that has one (employers without one are absent). */
  levelsOf(em: EntityManager, employerIds: readonly string[]): Promise<Map<string, RiskLevel>>;
}

/** Default: the early-warning module's answer (its open warnings), asked through its service, not its table. */
@Injectable()
export class OpenWarningRiskLevels implements EmployerRiskLevels {
  constructor(private readonly warnings: RiskWarningsService) {}

  levelsOf(em: EntityManager, employerIds: readonly string[]): Promise<Map<string, RiskLevel>> {
    return this.warnings.highestOpenLevels(em, employerIds);
  }
}
