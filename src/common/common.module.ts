import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PiiCipher } from './pii-crypto';
import { ShutdownState } from './http/shutdown';
import { PgThrottlerStorage } from './throttling/pg-throttler-storage';

@Global()
@Module({
  providers: [
    ShutdownState,
    PgThrottlerStorage,
    {
      provide: PiiCipher,
      useFactory: (c: AppConfig) => PiiCipher.fromSpec(c.piiKeys),
      inject: [APP_CONFIG],
    },
  ],
  exports: [ShutdownState, PgThrottlerStorage, PiiCipher],
})
export class CommonModule {}
