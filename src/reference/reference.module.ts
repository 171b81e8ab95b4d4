import { Module } from '@nestjs/common';
import { EmployerRegisterController } from './employer-register.controller';
import { EmployerRegisterRepository } from './employer-register.repository';
import { EmployerRegisterService } from './employer-register.service';
import { EmployerEditsService } from './employer-edits.service';
import { EmployerInvestigations } from './employer-investigations';
import { EmployersService } from './employers.service';
import { JurisdictionsService } from './jurisdictions.service';
import { ReferenceController } from './reference.controller';
import { ReferenceProcessor } from './reference.processor';
import { ReferenceRepository } from './reference.repository';

@Module({
  controllers: [ReferenceController, EmployerRegisterController],
  providers: [
    EmployersService,
    JurisdictionsService,
    ReferenceRepository,
    ReferenceProcessor,
    EmployerRegisterService,
    EmployerRegisterRepository,
    EmployerEditsService,
    EmployerInvestigations,
  ],
  exports: [EmployersService, JurisdictionsService, EmployerRegisterService, EmployerInvestigations],
})
export class ReferenceModule {}
