import { Batcher } from './batcher';

/** A flush the test releases by hand, recording what each call received. */
function manualFlush() {
  const calls: { items: number[]; release: (err?: Error) => void }[] = [];
  const flush = (items: number[]) =>
    new Promise<number>((resolve, reject) => {
      calls.push({ items, release: (err) => (err ? reject(err) : resolve(items.length)) });
    });
  return { calls, flush };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Batcher', () => {
  it('callers of one tick share a batch; callers during a flush share the next one', async () => {
    const { calls, flush } = manualFlush();
    const b = new Batcher(flush);
    const first = [b.submit([1]), b.submit([2, 3])];
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1, 2, 3]]);
    const second = [b.submit([4]), b.submit([5]), b.submit([6])];
    await tick();
    expect(calls).toHaveLength(1); // one flush at a time
    calls[0].release();
    expect(await Promise.all(first)).toEqual([3, 3]);
    await tick();
    expect(calls.map((c) => c.items)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    calls[1].release();
    expect(await Promise.all(second)).toEqual([3, 3, 3]);
  });

  it('a failed batch is flushed again caller by caller: only the caller whose items fail is rejected', async () => {
    const { calls, flush } = manualFlush();
    const b = new Batcher(flush);
    const [good, bad] = [b.submit([1]), b.submit([2])];
    await tick();
    const next = b.submit([3]);
    calls[0].release(new Error('poison 2'));
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1, 2], [1]]);
    calls[1].release();
    expect(await good).toBe(1);
    await tick();
    expect(calls[2].items).toEqual([2]);
    calls[2].release(new Error('poison 2'));
    await expect(bad).rejects.toThrow('poison 2');
    await tick();
    expect(calls[3].items).toEqual([3]); // the next batch waited for the retries
    calls[3].release();
    expect(await next).toBe(1);
  });

  it('a failed batch of one caller rejects it', async () => {
    const { calls, flush } = manualFlush();
    const b = new Batcher(flush);
    const only = b.submit([1, 2]);
    await tick();
    calls[0].release(new Error('database down'));
    await expect(only).rejects.toThrow('database down');
    expect(calls).toHaveLength(1);
  });

  it('splits at maxItems; a larger submission is flushed alone', async () => {
    const { calls, flush } = manualFlush();
    const b = new Batcher(flush, 3);
    const all = [b.submit([1, 2]), b.submit([3, 4]), b.submit([5, 6, 7, 8]), b.submit([9])];
    expect(b.waiting).toBe(4);
    for (let i = 0; i < 4; i++) {
      await tick();
      calls[i].release();
    }
    await Promise.all(all);
    expect(calls.map((c) => c.items)).toEqual([[1, 2], [3, 4], [5, 6, 7, 8], [9]]);
  });
});
