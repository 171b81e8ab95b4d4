import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WorkersController } from './workers.controller';
import { WorkersRepository } from './workers.repository';
import { WorkersService } from './workers.service';

/** Worker accounts: profile (real identity recorded once) and the identity intake resolves complainants by. */
@Module({
  imports: [AuthModule],
  controllers: [WorkersController],
  providers: [WorkersService, WorkersRepository],
  exports: [WorkersService],
})
export class WorkersModule {}
