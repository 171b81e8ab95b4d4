import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JOB_QUEUE, QueueName } from './job-catalogue';
import { OUTBOX_CHANNEL, OutboxRepository, type PendingOutboxRow } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { QueueService } from './queue.service';

const BATCH = 500;
const ADD_TIMEOUT_MS = 5000;
/** Wait before reopening a lost LISTEN connection. */
const LISTEN_RETRY_MS = 2000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/**
 * Moves committed outbox rows into BullMQ (runs in worker processes). Rows are claimed with
 * FOR UPDATE SKIP LOCKED so several relays never publish the same row at once; the BullMQ jobId is the row id,
 * so a row published again after a crash is still one job. While the queue is unreachable rows stay pending
 * and are retried with backoff: intake never depends on the queue being up.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private again = false;
  private stopped = false;
  private unsubscribe?: () => void;
  private listener?: Client;
  private listenRetry?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly outbox: OutboxService,
    private readonly repo: OutboxRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.queues.runsWorkers) return;
    this.unsubscribe = this.outbox.onCommitted(() => this.kick());
    void this.listen();
    this.schedule(0);
  }

  /**
   * LISTENs on OUTBOX_CHANNEL on a connection of its own (outside the pool), so a row committed by another
   * process (the API) is relayed at once. The poll stays as the fallback: while this connection is down (it is
   * reopened after LISTEN_RETRY_MS) rows wait at most outboxPollMs.
   */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'labor-rights-outbox-listener',
    });
    const retry = (err: unknown) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ err: (err as Error)?.message }, 'outbox listener lost; polling until it reconnects');
      this.listenRetry = setTimeout(() => void this.listen(), LISTEN_RETRY_MS);
    };
    this.listener = client;
    client.on('notification', () => this.kick());
    client.on('error', retry);
    client.on('end', () => retry(new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      // Rows committed while the listener was down are picked up by this pass.
      this.kick();
    } catch (err) {
      retry(err);
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), ms);
  }

  /** Runs a relay pass now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relayOnce()
      .catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'outbox relay pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.schedule(this.config.outboxPollMs);
      });
  }

  /**
   * Publishes one batch: the claimed rows of each queue with one addBulk, then one UPDATE; returns how many rows
   * were published. When a queue refuses, its rows are retried with backoff and the rest of the batch waits for
   * the next pass (the queue is most likely down).
   */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const byQueue = new Map<QueueName, PendingOutboxRow[]>();
      for (const row of await this.repo.claimDue(em, BATCH)) {
        const group = byQueue.get(JOB_QUEUE[row.job_name]);
        if (group) group.push(row);
        else byQueue.set(JOB_QUEUE[row.job_name], [row]);
      }
      const published: string[] = [];
      for (const group of byQueue.values()) {
        try {
          const jobs = group.map((r) => ({ name: r.job_name, payload: r.payload, jobId: r.id }));
          await withTimeout(this.queues.addBulk(jobs), ADD_TIMEOUT_MS);
          published.push(...group.map((r) => r.id));
        } catch (err) {
          const retries = group.map((r) => ({
            id: r.id,
            retryInSeconds: Math.min(2 ** Math.min(r.attempts, 5), 30),
          }));
          await this.repo.markFailed(em, retries, (err as Error).message);
          break;
        }
      }
      if (published.length > 0) await this.repo.markPublished(em, published);
      return published.length;
    });
  }

  /** Age in seconds of the oldest unpublished row (0 when none): the outbox lag. */
  lagSeconds(): Promise<number> {
    return this.repo.lagSeconds(this.dataSource.manager);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.listenRetry);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    this.unsubscribe?.();
    await this.running;
    if (this.queues.runsWorkers) this.logger.log('outbox relay stopped');
  }
}
