import { Global, Module } from '@nestjs/common';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

/**
 * The public bodies (the HRSS bureau, the arbitration commission, the inspection brigade, each street's mediation
 * committee): reference data every proceeding routes to and staff belong to. Global: read by most modules.
 */
@Global()
@Module({
  providers: [OrganisationsService, OrganisationsRepository],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
