import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module';
import { BlacklistService } from './blacklist.service';
import { BlacklistPersonsRepository } from './blacklist-persons.repository';
import { BlacklistPersonsService } from './blacklist-persons.service';
import { ComplianceController } from './compliance.controller';
import { ComplianceProcessor } from './compliance.processor';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';
import { PublicComplianceController } from './public-compliance.controller';
import { PublicationService } from './publication.service';
import { RegistersRepository } from './registers.repository';
import { GradeRefresh } from './grade-refresh';
import { RegistersService } from './registers.service';
import { StatementDueRecount } from './statement-due-recount';

/**
 * Employer compliance: violation history, yearly 守法诚信等级, the wage-arrears blacklist, quarterly publication of
 * major violations, and their public read-only endpoints. Other modules call ComplianceService.recordViolation.
 */
@Module({
  imports: [ReferenceModule],
  controllers: [ComplianceController, PublicComplianceController],
  providers: [
    ComplianceService,
    BlacklistService,
    BlacklistPersonsService,
    BlacklistPersonsRepository,
    PublicationService,
    ComplianceRepository,
    ComplianceProcessor,
    RegistersService,
    RegistersRepository,
    GradeRefresh,
    StatementDueRecount,
  ],
  exports: [ComplianceService],
})
export class ComplianceModule {}
