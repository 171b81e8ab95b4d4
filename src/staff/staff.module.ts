import { Global, Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module';
import { AdminAuditService } from './admin-audit.service';
import { Colleagues } from './colleagues';
import { ColleaguesController } from './colleagues.controller';
import { OrganisationsAdminService } from './organisations-admin.service';
import { StaffAdminController } from './staff-admin.controller';
import { StaffAdminRepository } from './staff-admin.repository';
import { StaffAdminService } from './staff-admin.service';
import { StaffCaseHolders } from './staff-case-holders';
import { StaffDirectory } from './staff-directory.service';
import { StaffImportController } from './staff-import.controller';
import { StaffImportService } from './staff-import.service';

/** People who work the cases: the staff directory, and staff and organisation administration. */
@Global()
@Module({
  imports: [ReferenceModule],
  // The import's route first: `users/import` must not be read as `users/:id`.
  controllers: [StaffImportController, StaffAdminController, ColleaguesController],
  providers: [
    StaffDirectory,
    Colleagues,
    StaffAdminRepository,
    StaffAdminService,
    OrganisationsAdminService,
    AdminAuditService,
    StaffImportService,
    StaffCaseHolders,
  ],
  exports: [StaffDirectory, Colleagues, StaffCaseHolders],
})
export class StaffModule {}
