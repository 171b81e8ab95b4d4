import { Module } from '@nestjs/common';
import { ArbitrationModule } from '../arbitration/arbitration.module';
import { ClaimStandingLinks } from './claim-standing-links';
import { ComplaintsModule } from '../complaints/complaints.module';
import { InspectionModule } from '../inspection/inspection.module';
import { MediationModule } from '../mediation/mediation.module';
import { MyCasesController } from './my-cases.controller';
import { MyCasesService } from './my-cases.service';
import { ProceedingLinks } from './proceeding-links';

/**
 * The case file across proceedings: what sits above complaints, mediation, arbitration and inspection and reads them
 * only through their exported services; the worker's one file of a case (`GET /api/v1/my/cases/:id`).
 */
@Module({
  imports: [ComplaintsModule, MediationModule, ArbitrationModule, InspectionModule],
  controllers: [MyCasesController],
  providers: [ProceedingLinks, ClaimStandingLinks, MyCasesService],
})
export class CaseFileModule {}
