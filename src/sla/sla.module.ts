import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { OpsModule } from '../ops/ops.module';
import { ReferenceModule } from '../reference/reference.module';
import { PublicStatsController } from './public-stats.controller';
import { SlaReadModelVersion } from './read-model-version';
import { SlaAtRisk } from './sla-at-risk';
import { SlaAggregatesService } from './sla-aggregates.service';
import { SlaCaseEvents } from './sla-case-events';
import { SlaMetrics } from './sla-metrics';
import { SlaController } from './sla.controller';
import { SlaProcessor } from './sla.processor';
import { SlaRepository } from './sla.repository';
import { SlaReportsRepository } from './sla-reports.repository';
import { SlaReportService } from './sla-report.service';
import { SlaService } from './sla.service';

@Module({
  imports: [ReferenceModule, DeadlinesModule, OpsModule],
  controllers: [SlaController, PublicStatsController],
  providers: [
    SlaReadModelVersion,
    SlaService,
    SlaAtRisk,
    SlaReportService,
    SlaAggregatesService,
    SlaCaseEvents,
    SlaRepository,
    SlaReportsRepository,
    SlaProcessor,
    SlaMetrics,
  ],
  exports: [SlaAggregatesService, SlaService],
})
export class SlaModule {}
