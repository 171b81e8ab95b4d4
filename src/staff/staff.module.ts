import { Global, Module } from '@nestjs/common';
import { StaffDirectory } from './staff-directory.service';
import { StaffRepository } from './staff.repository';

/** People who work the cases: the staff directory (names and organisations of accounts). */
@Global()
@Module({
  providers: [StaffRepository, StaffDirectory],
  exports: [StaffDirectory],
})
export class StaffModule {}
