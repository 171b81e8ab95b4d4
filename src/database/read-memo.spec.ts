import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import { ReadMemo } from './read-memo';

interface Row {
  id: string;
  v: number;
}

/** A manager outside a transaction, and one inside (what `inTransaction` looks at). */
const outside = {} as EntityManager;
const inside = { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;

/** A table of rows `a`…`z` and the batches of ids asked of it. */
function table(version = { v: 1 }) {
  const asked: string[][] = [];
  const read = (ids: string[]) => {
    asked.push([...ids].sort());
    return Promise.resolve(ids.filter((id) => /^[a-z]$/.test(id)).map((id) => ({ id, v: version.v })));
  };
  return { asked, read, version };
}

describe('ReadMemo', () => {
  let now = 1_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('serves a row read outside a transaction from memory until trustMs has passed', async () => {
    const memo = new ReadMemo<Row>(60_000, (r) => r.id);
    const t = table();
    expect([...(await memo.byIds(outside, ['a', 'b', 'a', '1'], t.read)).keys()].sort()).toEqual(['a', 'b']);
    t.version.v = 2;
    now += 59_999;
    expect((await memo.byIds(outside, ['a', 'c'], t.read)).get('a')).toEqual({ id: 'a', v: 1 });
    now += 1;
    expect((await memo.byIds(outside, ['a'], t.read)).get('a')).toEqual({ id: 'a', v: 2 });
    // Unknown ids are asked again each time; the rest once per window.
    expect(t.asked).toEqual([['1', 'a', 'b'], ['c'], ['a']]);
  });

  it('always reads inside a transaction, and keeps nothing a transaction saw', async () => {
    const memo = new ReadMemo<Row>(60_000, (r) => r.id);
    const t = table();
    await memo.byIds(outside, ['a'], t.read);
    t.version.v = 2;
    expect((await memo.byIds(inside, ['a', 'b'], t.read)).get('a')).toEqual({ id: 'a', v: 2 });
    // The transaction's read of b (and of a's new version) is not what later views are given.
    expect((await memo.byIds(outside, ['a'], t.read)).get('a')).toEqual({ id: 'a', v: 1 });
    await memo.byIds(outside, ['b'], t.read);
    expect(t.asked).toEqual([['a'], ['a', 'b'], ['b']]);
  });

  it('forgets a row, and all rows, on demand', async () => {
    const memo = new ReadMemo<Row>(60_000, (r) => r.id);
    const t = table();
    await memo.byIds(outside, ['a', 'b'], t.read);
    memo.forget('a');
    await memo.byIds(outside, ['a', 'b'], t.read);
    memo.clear();
    await memo.byIds(outside, ['a', 'b'], t.read);
    expect(t.asked).toEqual([['a', 'b'], ['a'], ['a', 'b']]);
  });

  it('keeps at most max rows, the longest held dropped first; every answer is the rows asked for', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.constantFrom(...'abcdefgh1'), { maxLength: 6 }), { maxLength: 12 }),
        async (max, batches) => {
          const memo = new ReadMemo<Row>(60_000, (r) => r.id, max);
          const t = table();
          for (const ids of batches) {
            const got = await memo.byIds(outside, ids, t.read);
            expect([...got.keys()].sort()).toEqual([...new Set(ids.filter((id) => id !== '1'))].sort());
          }
          // Read more than max rows in turn: only the last max come from memory.
          memo.clear();
          const ids = 'abcdefgh'.split('');
          for (const id of ids) await memo.byIds(outside, [id], t.read);
          t.asked.length = 0;
          await memo.byIds(outside, ids, t.read);
          expect(t.asked).toEqual([ids.slice(0, ids.length - max)]);
        },
      ),
    );
  });
});
