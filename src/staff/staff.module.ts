import { Global, Module } from '@nestjs/common';
import { AdminAuditService } from './admin-audit.service';
import { OrganisationsAdminService } from './organisations-admin.service';
import { StaffAdminController } from './staff-admin.controller';
import { StaffAdminRepository } from './staff-admin.repository';
import { StaffAdminService } from './staff-admin.service';
import { StaffDirectory } from './staff-directory.service';
import { StaffRepository } from './staff.repository';

/** People who work the cases: the staff directory, and staff and organisation administration. */
@Global()
@Module({
  controllers: [StaffAdminController],
  providers: [
    StaffRepository,
    StaffDirectory,
    StaffAdminRepository,
    StaffAdminService,
    OrganisationsAdminService,
    AdminAuditService,
  ],
  exports: [StaffDirectory],
})
export class StaffModule {}
