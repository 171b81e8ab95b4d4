import { EmployerContactController } from './employer-contact.controller';
import { RerouteCheck } from './reroute-check';
import { EmployerContactService } from './employer-contact.service';
import { OpenArbitrationCheck } from './open-arbitration';
import { Module } from '@nestjs/common';
import { ComplaintViews } from './complaint-views.service';
import { CasePartiesViews } from './case-parties';
import { Acknowledgement } from './acknowledgement';
import { ReferenceModule } from '../reference/reference.module';
import { WorkersModule } from '../workers/workers.module';
import { CaseMessagesService } from './case-messages.service';
import { CollectiveController } from './collective.controller';
import { CollectiveRepository } from './collective.repository';
import { CollectiveEligibility } from './collective-eligibility';
import { CollectiveService } from './collective.service';
import { ComplainantLinks } from './complainant-links';
import { CollectiveMembersService } from './collective-members.service';
import { ComplainantService } from './complainant.service';
import { ComplaintCorrectionController } from './complaint-correction.controller';
import { ComplaintCorrectionService } from './complaint-correction.service';
import { ComplaintNotices } from './complaint-notices';
import { ComplaintTakeUp } from './complaint-take-up';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsProcessor } from './complaints.processor';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { ComplaintDecisionService } from './complaint-decision.service';
import { RoutingService } from './routing.service';
import { ReportsController } from './reports.controller';
import { ReportChannelService } from './report-channel.service';
import { RoutingInbox } from './routing-inbox';
import { ReportNumbers } from './report-numbers';
import { ReportsService } from './reports.service';
import { ComplaintWithdrawalController } from './withdrawal.controller';
import { ComplaintWithdrawalService } from './withdrawal.service';

@Module({
  imports: [ReferenceModule, WorkersModule],
  controllers: [
    ComplaintsController,
    ReportsController,
    CollectiveController,
    ComplaintWithdrawalController,
    ComplaintCorrectionController,
    EmployerContactController,
  ],
  providers: [
    ComplaintsService,
    RerouteCheck,
    CaseMessagesService,
    ComplaintDecisionService,
    ComplainantService,
    ComplainantLinks,
    ComplaintsRepository,
    Acknowledgement,
    ReportsService,
    ReportNumbers,
    ComplaintsProcessor,
    CollectiveService,
    CollectiveMembersService,
    CollectiveRepository,
    CollectiveEligibility,
    ComplaintWithdrawalService,
    ComplaintCorrectionService,
    EmployerContactService,
    RoutingService,
    ComplaintNotices,
    ReportChannelService,
    RoutingInbox,
    ComplaintViews,
    ComplaintTakeUp,
    OpenArbitrationCheck,
    CasePartiesViews,
  ],
  exports: [
    ComplaintsService,
    RerouteCheck,
    CaseMessagesService,
    ComplaintWithdrawalService,
    ReportChannelService,
    CollectiveService,
    CollectiveEligibility,
    CollectiveMembersService,
    ComplaintTakeUp,
    OpenArbitrationCheck,
    CasePartiesViews,
  ],
})
export class ComplaintsModule {}
