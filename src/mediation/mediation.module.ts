import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { ReferenceModule } from '../reference/reference.module';
import { MediationCaseNumberRepository, MediationCaseNumbers } from './mediation-case-numbers';
import { MediationCaseWriter } from './mediation-case-writer';
import { MediationClosing } from './mediation-closing';
import { MediationInstalments } from './mediation-instalments.service';
import { InstalmentPaymentListeners } from './instalment-payment-listeners';
import { MediationOnApplication } from './mediation-on-application';
import { MediationNotices } from './mediation-notices';
import { MediationHandOver } from './mediation-handover';
import { MediationInbox } from './mediation-inbox';
import { MediationPeriodService } from './mediation-period.service';
import { MediationController } from './mediation.controller';
import { MediationProcessor } from './mediation.processor';
import { MediationRepository } from './mediation.repository';
import { MediationAssignmentService } from './mediation-assignment.service';
import { MediationMembersService } from './mediation-members.service';
import { MediationService } from './mediation.service';
import { MediationOpeningService } from './mediation-opening.service';
import { MediationSweepService } from './mediation-sweep.service';
import { MediationViews } from './mediation-views';

/** Street-level mediation (人民调解): cases, sessions, agreements and instalments, the daily sweep. */
@Module({
  imports: [ComplaintsModule, ReferenceModule],
  controllers: [MediationController],
  providers: [
    MediationService,
    MediationOpeningService,
    MediationSweepService,
    MediationRepository,
    MediationProcessor,
    MediationCaseWriter,
    MediationPeriodService,
    MediationNotices,
    MediationCaseNumbers,
    MediationCaseNumberRepository,
    MediationInbox,
    MediationViews,
    MediationAssignmentService,
    MediationMembersService,
    MediationClosing,
    MediationInstalments,
    MediationOnApplication,
    MediationHandOver,
    InstalmentPaymentListeners,
  ],
  exports: [MediationService, MediationOnApplication, InstalmentPaymentListeners],
})
export class MediationModule {}
