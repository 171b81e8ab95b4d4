interface Waiter<T, R> {
  items: readonly T[];
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

interface Batch<T, R> {
  items: T[];
  waiters: Waiter<T, R>[];
}

/**
 * Coalesces concurrent callers into batches: what callers submit while a flush runs goes into the next batch,
 * flushed as soon as the running one settles (one flush at a time). A caller's promise settles with its batch:
 * resolved with the flush's result once the flush succeeded, rejected with the flush's error otherwise, so a
 * caller never completes before its items were written. When a batch of several callers fails, each caller's
 * items are flushed again alone, so one bad item fails its own caller rather than everyone it was batched with. A batch takes up to `maxItems` items (a larger
 * submission is flushed alone); the next submissions open another batch behind it.
 */
export class Batcher<T, R> {
  private readonly queue: Batch<T, R>[] = [];
  private flushing = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<R>,
    private readonly maxItems = 1000,
  ) {}

  submit(items: readonly T[]): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let batch = this.queue.at(-1);
      // The batch being flushed has left the queue, so `batch` is always still open.
      if (!batch || (batch.items.length > 0 && batch.items.length + items.length > this.maxItems)) {
        batch = { items: [], waiters: [] };
        this.queue.push(batch);
      }
      batch.items.push(...items);
      batch.waiters.push({ items, resolve, reject });
      // Callers of the same tick (jobs fetched together) join the batch before it starts.
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Batches waiting for a flush (the one running excluded). */
  get waiting(): number {
    return this.queue.length;
  }

  private async flushAlone(w: Waiter<T, R>): Promise<void> {
    try {
      w.resolve(await this.flush([...w.items]));
    } catch (err) {
      w.reject(err);
    }
  }

  private async drain(): Promise<void> {
    for (let batch = this.queue.shift(); batch; batch = this.queue.shift()) {
      try {
        const result = await this.flush(batch.items);
        for (const w of batch.waiters) w.resolve(result);
      } catch (err) {
        if (batch.waiters.length === 1) batch.waiters[0].reject(err);
        else for (const w of batch.waiters) await this.flushAlone(w);
      }
    }
    this.flushing = false;
  }
}
