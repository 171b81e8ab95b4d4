import { Module } from '@nestjs/common';
import { ReferenceModule } from '../../reference/reference.module';
import { RiskModule } from '../../risk/risk.module';
import { InspectionModule } from '../inspection.module';
import { ConflictsService } from './conflicts.service';
import { EMPLOYER_RISK_LEVELS, OpenWarningRiskLevels } from './employer-risk-levels';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';
import { PublicPlansController } from './public-plans.controller';

/** 双随机一公开: random inspection plans over the employers register, conflicts of interest, public results. */
@Module({
  imports: [ReferenceModule, InspectionModule, RiskModule],
  controllers: [PlansController, PublicPlansController],
  providers: [
    PlansService,
    ConflictsService,
    PlansRepository,
    { provide: EMPLOYER_RISK_LEVELS, useClass: OpenWarningRiskLevels },
  ],
  exports: [PlansService],
})
export class InspectionPlansModule {}
