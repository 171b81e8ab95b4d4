import { Module } from '@nestjs/common';
import { RiskBacktestRepository } from './risk-backtest.repository';
import { RiskBacktestService } from './risk-backtest.service';
import { RiskController } from './risk.controller';
import { RiskProcessor } from './risk.processor';
import { RiskRepository } from './risk.repository';
import { RiskRuleSetsService } from './risk-rule-sets.service';
import { RiskScoringService } from './risk-scoring.service';
import { RiskSignalsService } from './risk-signals.service';
import { RiskWarningsService } from './risk-warnings.service';

/** Early warning (issue 7): features in SQL, rules as data, warnings with a lifecycle, runs and backtests. */
@Module({
  controllers: [RiskController],
  providers: [
    RiskRepository,
    RiskBacktestRepository,
    RiskRuleSetsService,
    RiskScoringService,
    RiskSignalsService,
    RiskWarningsService,
    RiskBacktestService,
    RiskProcessor,
  ],
  exports: [RiskScoringService, RiskWarningsService],
})
export class RiskModule {}
