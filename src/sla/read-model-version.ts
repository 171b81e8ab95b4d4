import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SlaRepository } from './sla.repository';

/**
 * How long a read of the read model's version is trusted before it is read again. A change committed by
 * another process (the worker) reaches cached summaries within this bound; a change made by this process is
 * seen at once (invalidate). The supervisor's figures are refreshed by the dashboard every minute, and the
 * aggregates themselves lag events by up to a second (issue 6), so 100 ms of staleness is not observable.
 */
export const VERSION_TTL_MS = 100;

/**
 * The read model's version (sequence sla_read_model_version), as the summary cache checks it: at most one query
 * per VERSION_TTL_MS and process, shared by the requests that need it meanwhile, instead of one per request
 * (under 16 concurrent clients the per-request round trip was most of the summary's cost).
 */
@Injectable()
export class SlaReadModelVersion {
  private cached: { value: string; readAt: number } | null = null;
  private inflight: Promise<string> | null = null;
  /** Bumped by invalidate(): a read that started before the bump is not cached as current. */
  private generation = 0;

  constructor(private readonly repo: SlaRepository) {}

  async current(em: EntityManager, now = performance.now()): Promise<string> {
    if (this.cached && now - this.cached.readAt < VERSION_TTL_MS) return this.cached.value;
    if (this.inflight) return this.inflight;
    const generation = this.generation;
    const readAt = now;
    this.inflight = this.repo
      .version(em)
      .then((value) => {
        if (generation === this.generation) this.cached = { value, readAt };
        return value;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** This process changed the read model (after commit and bump): the next read asks the database. */
  invalidate(): void {
    this.generation++;
    this.cached = null;
    this.inflight = null;
  }

  /** Bumps the version after a committed change and makes this process see it at once. */
  async bump(em: EntityManager): Promise<void> {
    await this.repo.bumpVersion(em);
    this.invalidate();
  }
}
