import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { PgThrottlerStorage } from './common/throttling/pg-throttler-storage';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoInstance } from 'pino';
import { AuditModule } from './audit/audit.module';
import { OpsModule } from './ops/ops.module';
import { EscalationModule } from './escalation/escalation.module';
import { CaseFileModule } from './case-file/case-file.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DEADLINE_RULE_CATALOGUE } from './deadline-rules';
import { EvidenceModule } from './evidence/evidence.module';
import { MediationModule } from './mediation/mediation.module';
import { ArbitrationModule } from './arbitration/arbitration.module';
import { FilingsModule } from './filings/filings.module';
import { ComplianceModule } from './compliance/compliance.module';
import { InspectionModule } from './inspection/inspection.module';
import { CommonModule } from './common/common.module';
import { DatabaseModule } from './database/database.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { ComplaintsModule } from './complaints/complaints.module';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './data-source-options';
import { InspectionPlansModule } from './inspection/plans/inspection-plans.module';
import { NotificationsModule } from './notifications/notifications.module';
import type { SmsSender } from './notifications/sms-sender';
import { QueueModule } from './queue/queue.module';
import { OrganisationsModule } from './reference/organisations.module';
import { ReferenceModule } from './reference/reference.module';
import { StaffModule } from './staff/staff.module';
import { SlaModule } from './sla/sla.module';
import { SearchModule } from './search/search.module';
import { RiskModule } from './risk/risk.module';
import { WorkersModule } from './workers/workers.module';

export interface AppModuleOptions {
  config: AppConfig;
  logger: PinoInstance;
  /** The SMS gateway implementation (default: LoggingSmsSender). */
  smsSender?: SmsSender;
}

@Module({})
export class AppModule {
  static forRoot({ config, logger, smsSender }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // One pino instance for Nest's logger and Fastify's request logs (see common/logging.ts).
        LoggerModule.forRoot({ pinoHttp: { logger, autoLogging: false }, useExisting: true }),
        // TypeORM's own logging is off: failed-query logs would print statement parameters (personal data).
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database.url), logging: false }),
        // Counters in PostgreSQL, shared by every replica (common/throttling/pg-throttler-storage.ts).
        ThrottlerModule.forRootAsync({
          inject: [PgThrottlerStorage],
          useFactory: (storage: PgThrottlerStorage) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: 600 }],
            storage,
          }),
        }),
        DatabaseModule,
        CommonModule,
        IdempotencyModule,
        QueueModule,
        AuditModule,
        NotificationsModule.forRoot(smsSender),
        AuthModule,
        OrganisationsModule,
        StaffModule,
        WorkersModule,
        ReferenceModule,
        // Each proceeding's deadline rules (src/deadline-rules.ts), given to the engine.
        CalendarModule.forRoot(DEADLINE_RULE_CATALOGUE),
        DeadlinesModule,
        ComplaintsModule,
        EvidenceModule,
        MediationModule,
        ArbitrationModule,
        FilingsModule,
        ComplianceModule,
        InspectionModule,
        OpsModule,
        EscalationModule,
        CaseFileModule,
        InspectionPlansModule,
        SearchModule,
        SlaModule,
        RiskModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}

export type { AppConfig };
export { APP_CONFIG };
