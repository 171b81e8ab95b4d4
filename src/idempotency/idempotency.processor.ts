import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { IdempotencyService } from './idempotency.service';

@Injectable()
export class IdempotencyProcessor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly idempotency: IdempotencyService) {}

  /** Nightly: forget Idempotency-Keys older than IDEMPOTENCY_TTL_HOURS (a single DELETE; a replay is harmless). */
  @OnJob(JobName.IdempotencyPurge)
  async purge(): Promise<void> {
    const purged = await this.idempotency.purge();
    if (purged) this.logger.log({ purged }, 'idempotency records purged');
  }
}
