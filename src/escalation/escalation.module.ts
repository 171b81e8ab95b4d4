import { Module } from '@nestjs/common';
import { ArbitrationModule } from '../arbitration/arbitration.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { MediationModule } from '../mediation/mediation.module';
import { EscalationController } from './escalation.controller';
import { EscalationService } from './escalation.service';

@Module({
  imports: [ComplaintsModule, MediationModule, ArbitrationModule],
  controllers: [EscalationController],
  providers: [EscalationService],
})
export class EscalationModule {}
