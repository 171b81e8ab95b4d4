import { Module } from '@nestjs/common';
import { ArbitrationModule } from '../arbitration/arbitration.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { InspectionModule } from '../inspection/inspection.module';
import { MediationModule } from '../mediation/mediation.module';
import { ProceedingLinks } from './proceeding-links';

/**
 * The case file across proceedings: what sits above complaints, mediation, arbitration and inspection and reads them
 * only through their exported services.
 */
@Module({
  imports: [ComplaintsModule, MediationModule, ArbitrationModule, InspectionModule],
  providers: [ProceedingLinks],
})
export class CaseFileModule {}
