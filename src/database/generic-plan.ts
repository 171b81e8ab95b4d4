import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, DataSourceOptions, EntityManager } from 'typeorm';
import { preparedName } from './prepared-statements';
import { inTransaction } from './transaction';

/** The session setting of the generic-plan connections. */
export const GENERIC_PLAN_SETTING = '-c plan_cache_mode=force_generic_plan';

/** The generic-plan connections a process opens at most (the statements that use them are few and short). */
const GENERIC_PLAN_CONNECTIONS = 8;

/**
 * The connection of the generic-plan pool: the data source's own, with `plan_cache_mode` forced to generic for the
 * session. The setting goes where the server's other session options are: `options` in the URL when the URL has one
 * (pg lets it replace the pool's), else the pool's `options`.
 */
export function genericPlanConnection(
  url: string,
  options: string | undefined,
): { url: string; options: string | undefined } {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // A form the WHATWG parser refuses: left as it is, the setting on the pool (lost only if the URL has options).
  }
  const own = parsed?.searchParams.get('options') ?? null;
  if (parsed === null || own === null)
    return { url, options: [options, GENERIC_PLAN_SETTING].filter(Boolean).join(' ') };
  parsed.searchParams.set('options', [own, GENERIC_PLAN_SETTING].filter(Boolean).join(' '));
  return { url: parsed.toString(), options };
}

/**
 * Runs named prepared texts (`prepared`) on their generic plan from their first call on a connection. Left to
 * choose, PostgreSQL plans the first five calls of a text on each connection for their values before it compares
 * them with the generic plan, and for some texts keeps planning every call: for a statement whose generic plan is as
 * good (the risk features of 1–16 employers by key: calls 2–5 of a connection 11–25 ms each on the pudong set,
 * 0.5–9.1 ms on the generic plan, bench/README.md "Fourteenth pass"; a name search, 1 ms generic against 8–11 ms
 * planned, "Seventeenth pass") that planning costs more than the run.
 *
 * The texts run on a small pool of their own whose sessions have `plan_cache_mode = force_generic_plan`: one round
 * trip, where `SET LOCAL` on the shared pool needed a transaction (BEGIN, SET, the query, COMMIT: four;
 * "Twenty-fourth pass"). The pool opens on the first such read, so a process that never makes one opens none. A
 * caller's transaction, or an unmarked text (whose best plan depends on its values), runs as it is on `em`.
 */
@Injectable()
export class GenericPlanReads implements OnApplicationShutdown {
  private source?: Promise<DataSource>;

  constructor(private readonly dataSource: DataSource) {}

  async query<T>(em: EntityManager, text: string, params: unknown[]): Promise<T> {
    if (preparedName(text) === undefined || inTransaction(em)) return em.query<T>(text, params);
    return (await this.pool()).query<T>(text, params);
  }

  async onApplicationShutdown(): Promise<void> {
    const source = this.source;
    this.source = undefined;
    if (source) await (await source.catch(() => undefined))?.destroy();
  }

  private pool(): Promise<DataSource> {
    this.source ??= this.open().catch((err: unknown) => {
      this.source = undefined; // the next read tries again
      throw err;
    });
    return this.source;
  }

  private async open(): Promise<DataSource> {
    const own = this.dataSource.options;
    const pg = own as unknown as { url: string; extra?: { options?: string; max?: number } };
    const extra = pg.extra ?? {};
    const { url, options } = genericPlanConnection(pg.url, extra.options);
    // Raw reads only: no entities, migrations or subscribers to build again.
    const source = new DataSource({
      ...own,
      url,
      entities: [],
      migrations: [],
      subscribers: [],
      extra: {
        ...extra,
        options,
        max: Math.min(extra.max ?? GENERIC_PLAN_CONNECTIONS, GENERIC_PLAN_CONNECTIONS),
        application_name: 'labor-rights-platform generic plans',
      },
    } as DataSourceOptions);
    return source.initialize();
  }
}
