import { Module } from '@nestjs/common';
import { EmployersService } from './employers.service';
import { JurisdictionsService } from './jurisdictions.service';
import { ReferenceController } from './reference.controller';
import { ReferenceProcessor } from './reference.processor';
import { ReferenceRepository } from './reference.repository';

@Module({
  controllers: [ReferenceController],
  providers: [EmployersService, JurisdictionsService, ReferenceRepository, ReferenceProcessor],
  exports: [EmployersService, JurisdictionsService],
})
export class ReferenceModule {}
