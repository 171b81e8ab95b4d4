import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module';
import { CollectiveContractsService } from './collective-contracts.service';
import { FilingScope } from './filing-scope';
import { FilingsController } from './filings.controller';
import { FilingsRepository } from './filings.repository';
import { FilingsService } from './filings.service';
import { HarmoniousRegisterService } from './harmonious-register.service';

/** Filings: 裁员备案, 关停并转迁 notices, 集体合同备案 and the harmonious-enterprise register. */
@Module({
  imports: [ReferenceModule],
  controllers: [FilingsController],
  providers: [
    FilingsService,
    CollectiveContractsService,
    HarmoniousRegisterService,
    FilingsRepository,
    FilingScope,
  ],
  exports: [FilingsService],
})
export class FilingsModule {}
