import { Module } from '@nestjs/common';
import { EmployersService } from './employers.service';
import { JurisdictionsService } from './jurisdictions.service';
import { ReferenceController } from './reference.controller';
import { ReferenceRepository } from './reference.repository';

@Module({
  controllers: [ReferenceController],
  providers: [EmployersService, JurisdictionsService, ReferenceRepository],
  exports: [EmployersService, JurisdictionsService],
})
export class ReferenceModule {}
