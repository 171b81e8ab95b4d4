import {
  Queue,
  Worker,
  createPostgresBackend,
  runMigrations,
  type Processor,
  type QueueOptions,
  type WorkerOptions,
} from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';

/** Schema holding BullMQ's tables when it runs on PostgreSQL. */
export const BULLMQ_PG_SCHEMA = 'bullmq';

/**
 * The two places BullMQ can keep its jobs: Redis in production (REDIS_URL), or BullMQ's PostgreSQL backend
 * in the platform's own database for the embedded default. Everything else is backend-agnostic.
 */
export interface QueueBackend {
  readonly kind: 'redis' | 'postgres';
  createQueue(name: string): Queue;
  createWorker(name: string, processor: Processor, concurrency: number): Worker;
  /** Quick reachability check for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

class RedisBackend implements QueueBackend {
  readonly kind = 'redis' as const;
  private readonly connections: Redis[] = [];
  /** Producer connection: gives up after one reconnect attempt while Redis is down (the outbox keeps the job). */
  private readonly producer: Redis;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {
    this.producer = this.connect({ maxRetriesPerRequest: 1 });
  }

  private connect(opts: { maxRetriesPerRequest: number | null }): Redis {
    const conn = new IORedis(this.url, {
      ...opts,
      connectTimeout: 5000,
      retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 6), 5000),
    });
    // Connection errors are expected while Redis is down; ioredis reconnects by itself.
    conn.on('error', () => undefined);
    this.connections.push(conn);
    return conn;
  }

  createQueue(name: string): Queue {
    const opts: QueueOptions = { connection: this.producer, prefix: this.prefix };
    return new Queue(name, opts);
  }

  createWorker(name: string, processor: Processor, concurrency: number): Worker {
    // Workers need maxRetriesPerRequest: null (blocking commands).
    const opts: WorkerOptions = {
      connection: this.connect({ maxRetriesPerRequest: null }),
      prefix: this.prefix,
      concurrency,
    };
    return new Worker(name, processor, opts);
  }

  async ping(): Promise<void> {
    await this.producer.ping();
  }

  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}

class PostgresBackend implements QueueBackend {
  readonly kind = 'postgres' as const;
  private readonly connection: { connectionString: string; schema: string; max: number };

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {
    this.connection = { connectionString: url, schema: BULLMQ_PG_SCHEMA, max: 5 };
  }

  createQueue(name: string): Queue {
    return new Queue(
      name,
      { connection: this.connection, prefix: this.prefix },
      createPostgresBackend,
    ) as unknown as Queue;
  }

  createWorker(name: string, processor: Processor, concurrency: number): Worker {
    return new Worker(
      name,
      processor,
      { connection: this.connection, prefix: this.prefix, concurrency },
      createPostgresBackend,
    ) as unknown as Worker;
  }

  async ping(): Promise<void> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query('SELECT 1');
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    /* queues and workers own their pools and close them */
  }
}

export function createQueueBackend(config: AppConfig): QueueBackend {
  return config.queue.backend === 'redis'
    ? new RedisBackend(config.queue.redisUrl!, config.queue.prefix)
    : new PostgresBackend(config.database.url, config.queue.prefix);
}

/** Creates or upgrades BullMQ's own tables (PostgreSQL backend only); idempotent and concurrency-safe. */
export async function migrateQueueBackend(config: AppConfig): Promise<void> {
  if (config.queue.backend !== 'postgres') return;
  const client = new Client({ connectionString: config.database.url });
  await client.connect();
  try {
    await runMigrations(client, BULLMQ_PG_SCHEMA);
  } finally {
    await client.end();
  }
}
