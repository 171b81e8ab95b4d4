import { Module } from '@nestjs/common';
import { ArbitrationModule } from '../arbitration/arbitration.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { InspectionModule } from '../inspection/inspection.module';
import { MediationModule } from '../mediation/mediation.module';
import { MyCasesController } from './my-cases.controller';
import { MyCasesService } from './my-cases.service';

@Module({
  imports: [ComplaintsModule, MediationModule, ArbitrationModule, InspectionModule],
  controllers: [MyCasesController],
  providers: [MyCasesService],
})
export class MyModule {}
