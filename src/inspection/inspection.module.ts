import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { ReferenceModule } from '../reference/reference.module';
import { InspectionActionsService } from './inspection-actions.service';
import { InspectionClosingService } from './inspection-closing.service';
import { InspectionFindings } from './inspection-findings';
import { InspectionDutiesService } from './inspection-duties.service';
import { InspectionDueRecount } from './inspection-due-recount';
import { InspectionProcessor } from './inspection.processor';
import { InspectionColleagues } from './inspection-colleagues';
import { InspectionCaseFileService } from './inspection-case-file.service';
import { InspectionController } from './inspection.controller';
import { InspectionNotices } from './inspection-notices';
import { InspectionHandOver } from './inspection-handover';
import { InspectionInbox } from './inspection-inbox';
import { InspectionInvestigates } from './inspection-investigates';
import { InspectionRepository } from './inspection.repository';
import { InspectionService } from './inspection.service';
import { InspectionProceeding } from './inspection-proceeding';
import { WageCrimeService } from './wage-crime.service';

@Module({
  imports: [ComplaintsModule, ComplianceModule, ReferenceModule],
  controllers: [InspectionController],
  providers: [
    InspectionService,
    InspectionProceeding,
    InspectionColleagues,
    InspectionActionsService,
    InspectionClosingService,
    InspectionFindings,
    InspectionDutiesService,
    InspectionRepository,
    WageCrimeService,
    InspectionCaseFileService,
    InspectionNotices,
    InspectionInbox,
    InspectionHandOver,
    InspectionInvestigates,
    InspectionDueRecount,
    InspectionProcessor,
  ],
  exports: [InspectionService, WageCrimeService, InspectionCaseFileService],
})
export class InspectionModule {}
