import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { ArbitrationController } from './arbitration.controller';
import { ArbitrationRepository } from './arbitration.repository';
import { ArbitrationService } from './arbitration.service';

@Module({
  imports: [ComplaintsModule],
  controllers: [ArbitrationController],
  providers: [ArbitrationService, ArbitrationRepository],
  exports: [ArbitrationService],
})
export class ArbitrationModule {}
