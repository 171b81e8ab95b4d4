import { Module } from '@nestjs/common';
import { EmployersService } from './employers.service';
import { JurisdictionsService } from './jurisdictions.service';
import { ReferenceController } from './reference.controller';

@Module({
  controllers: [ReferenceController],
  providers: [EmployersService, JurisdictionsService],
  exports: [EmployersService, JurisdictionsService],
})
export class ReferenceModule {}
