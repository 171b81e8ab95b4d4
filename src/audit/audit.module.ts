import { Global, Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { PiiAccessController } from './pii-access.controller';
import { PiiAccessRepository } from './pii-access.repository';
import { PiiAccessService } from './pii-access.service';

@Global()
@Module({
  controllers: [PiiAccessController],
  providers: [AuditService, AuditRepository, PiiAccessService, PiiAccessRepository],
  exports: [AuditService, PiiAccessService],
})
export class AuditModule {}
