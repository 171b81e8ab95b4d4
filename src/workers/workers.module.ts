import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IdentityCorrectionController } from './identity-correction.controller';
import { IdentityCorrectionService } from './identity-correction.service';
import { WorkersController } from './workers.controller';
import { WorkersProcessor } from './workers.processor';
import { WorkersRepository } from './workers.repository';
import { WorkersService } from './workers.service';

/**
 * Worker accounts: profile (real identity recorded once, corrected by staff) and the identity intake resolves
 * complainants by.
 */
@Module({
  imports: [AuthModule],
  controllers: [WorkersController, IdentityCorrectionController],
  providers: [WorkersService, WorkersRepository, IdentityCorrectionService, WorkersProcessor],
  exports: [WorkersService],
})
export class WorkersModule {}
