import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsProcessor } from './complaints.processor';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [ReferenceModule],
  controllers: [ComplaintsController, ReportsController],
  providers: [ComplaintsService, ComplaintsRepository, ReportsService, ComplaintsProcessor],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
