import type { EntityManager } from 'typeorm';
import { SlaReadModelVersion, VERSION_TTL_MS } from './read-model-version';
import type { SlaRepository } from './sla.repository';

/** A repository whose version query is counted and answered when the test says so. */
function fakeRepo() {
  let value = 1;
  const pending: ((v: string) => void)[] = [];
  const repo = {
    reads: 0,
    version: () => {
      repo.reads++;
      return new Promise<string>((resolve) => pending.push(resolve));
    },
    bumpVersion: () => {
      value++;
      return Promise.resolve();
    },
  };
  const answer = () => pending.splice(0).forEach((r) => r(String(value)));
  return { repo, answer, external: () => value++ };
}
const em = {} as EntityManager;

describe('SlaReadModelVersion', () => {
  it('concurrent readers share one query, and its answer is trusted for VERSION_TTL_MS', async () => {
    const { repo, answer } = fakeRepo();
    const v = new SlaReadModelVersion(repo as unknown as SlaRepository);
    const reads = Array.from({ length: 16 }, () => v.current(em, 0));
    answer();
    expect(await Promise.all(reads)).toEqual(Array(16).fill('1'));
    expect(repo.reads).toBe(1);
    expect(await v.current(em, VERSION_TTL_MS - 1)).toBe('1');
    expect(repo.reads).toBe(1);
    const later = v.current(em, VERSION_TTL_MS);
    answer();
    await later;
    expect(repo.reads).toBe(2);
  });

  it("another process's bump is seen after the TTL; this process's own bump at once", async () => {
    // Explicit clock readings: with the real clock, a stall of more than the TTL between two reads (a loaded CI
    // machine) made the cached read a new query this test never answered, and the test hung until its timeout.
    const { repo, answer, external } = fakeRepo();
    const v = new SlaReadModelVersion(repo as unknown as SlaRepository);
    const first = v.current(em, 0);
    answer();
    expect(await first).toBe('1');
    external();
    expect(await v.current(em, VERSION_TTL_MS - 1)).toBe('1'); // within the TTL: the cached read
    const after = v.current(em, VERSION_TTL_MS); // the TTL passed: read again, and the other process's bump seen
    answer();
    expect(await after).toBe('2');
    const own = v.bump(em).then(() => v.current(em, VERSION_TTL_MS + 1)); // within the new read's TTL
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    answer();
    expect(await own).toBe('3');
    expect(repo.reads).toBe(3);
  });

  it('a read that started before an invalidation is not kept as current', async () => {
    const { repo, answer } = fakeRepo();
    const v = new SlaReadModelVersion(repo as unknown as SlaRepository);
    const stale = v.current(em);
    v.invalidate();
    answer();
    await stale;
    const next = v.current(em);
    answer();
    await next;
    expect(repo.reads).toBe(2);
  });
});
