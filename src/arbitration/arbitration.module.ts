import { ArbitrationColleagues } from './arbitration-colleagues';
import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { MediationModule } from '../mediation/mediation.module';
import { ArbitrationAwardsService } from './arbitration-awards.service';
import { ArbitrationAwardsRepository } from './arbitration-awards.repository';
import { ArbitrationInterimService } from './arbitration-interim.service';
import { AwardDocuments } from './award-documents';
import { ArbitrationLatenessService } from './arbitration-lateness.service';
import { ArbitrationProcessor } from './arbitration.processor';
import { ArbitrationHearingsService } from './arbitration-hearings.service';
import { ArbitrationClaimChangeService } from './arbitration-claim-change.service';
import { ArbitrationCorrectionController } from './arbitration-correction.controller';
import { ArbitrationCorrectionService } from './arbitration-correction.service';
import { ArbitrationMembersService } from './arbitration-members.service';
import { ArbitrationCaseNumbers } from './arbitration-case-numbers';
import { ArbitrationInbox } from './arbitration-inbox';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationQueueService } from './arbitration-queue.service';
import { ArbitrationTribunalService } from './arbitration-tribunal.service';
import { ArbitrationReplacementService } from './arbitration-replacement.service';
import { ArbitrationTribunalRepository } from './arbitration-tribunal.repository';
import { ArbitrationHandOver } from './arbitration-handover';
import { ArbitrationRecusalService } from './arbitration-recusal.service';
import { ArbitrationTribunalController } from './arbitration-tribunal.controller';
import { ArbitrationController } from './arbitration.controller';
import { ArbitrationRepository } from './arbitration.repository';
import { ArbitrationMediationStatement } from './arbitration-statement';
import { ArbitrationClosingService } from './arbitration-closing.service';
import { ArbitrationService } from './arbitration.service';
import { DisputeInArbitration } from './dispute-in-arbitration';
import { SourceAgreementPayments } from './source-agreement-payments';

@Module({
  imports: [ComplaintsModule, MediationModule],
  controllers: [ArbitrationController, ArbitrationTribunalController, ArbitrationCorrectionController],
  providers: [
    ArbitrationService,
    ArbitrationClosingService,
    ArbitrationProceeding,
    ArbitrationColleagues,
    ArbitrationTribunalService,
    ArbitrationReplacementService,
    ArbitrationTribunalRepository,
    ArbitrationHandOver,
    ArbitrationRecusalService,
    ArbitrationHearingsService,
    ArbitrationClaimChangeService,
    ArbitrationCorrectionService,
    ArbitrationMembersService,
    ArbitrationAwardsService,
    ArbitrationAwardsRepository,
    ArbitrationInterimService,
    AwardDocuments,
    ArbitrationQueueService,
    ArbitrationRepository,
    ArbitrationLatenessService,
    ArbitrationProcessor,
    ArbitrationInbox,
    ArbitrationCaseNumbers,
    ArbitrationMediationStatement,
    DisputeInArbitration,
    SourceAgreementPayments,
  ],
  exports: [ArbitrationService, ArbitrationClosingService, DisputeInArbitration],
})
export class ArbitrationModule {}
