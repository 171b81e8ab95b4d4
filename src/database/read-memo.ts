import type { EntityManager } from 'typeorm';
import { inTransaction } from './transaction';

/**
 * Rows by id that a view may take from this process's memory for `trustMs` after reading them (issue 17: the
 * public bodies and staff names every case view shows). A read inside a transaction always goes to the database,
 * and what it saw is not kept: it may yet roll back. At most `max` rows are kept, the longest held dropped first.
 */
export class ReadMemo<T> {
  private readonly kept = new Map<string, { row: T; readAt: number }>();

  constructor(
    private readonly trustMs: number,
    private readonly idOf: (row: T) => string,
    private readonly max = Infinity,
  ) {}

  /** The rows of `ids` (unknown ids left out), keyed by id: from memory where trusted, the others by `read`. */
  async byIds(
    em: EntityManager,
    ids: Iterable<string>,
    read: (missing: string[]) => Promise<readonly T[]>,
  ): Promise<Map<string, T>> {
    const now = Date.now();
    const trusted = !inTransaction(em);
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const kept = this.kept.get(id);
      if (trusted && kept && now - kept.readAt < this.trustMs) found.set(id, kept.row);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    for (const row of await read(missing)) {
      const id = this.idOf(row);
      found.set(id, row);
      if (!trusted) continue;
      // Deleted first, so that the map's order stays the order of reading (the oldest are dropped first).
      this.kept.delete(id);
      this.kept.set(id, { row, readAt: now });
    }
    for (const id of this.kept.keys()) {
      if (this.kept.size <= this.max) break;
      this.kept.delete(id);
    }
    return found;
  }

  /** Drops a row this process may hold (after an edit of it has committed). */
  forget(id: string): void {
    this.kept.delete(id);
  }

  clear(): void {
    this.kept.clear();
  }
}
