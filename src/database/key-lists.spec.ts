import fc from 'fast-check';
import { keyArray, keySlots, keyTuples } from './key-lists';

/** The placeholder numbers of a text, in order. */
const numbers = (sql: string) => [...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));

describe('key lists', () => {
  it('pads to the next of 1, 2, 4 … 64 keys, and binds a longer list as one array', () => {
    expect([1, 2, 3, 4, 5, 8, 9, 33, 64, 65, 500].map(keySlots)).toEqual([
      1,
      2,
      4,
      4,
      8,
      8,
      16,
      64,
      64,
      null,
      null,
    ]);
    expect(() => keySlots(0)).toThrow(RangeError);
    expect(keyArray('uuid', ['a', 'b', 'c'])).toEqual({
      sql: 'ARRAY[$1::uuid, $2::uuid, $3::uuid, $4::uuid]',
      params: ['a', 'b', 'c', 'c'],
    });
    expect(keyArray('uuid', ['a'], 2)).toEqual({ sql: 'ARRAY[$2::uuid]', params: ['a'] });
    const many = Array.from({ length: 65 }, (_, i) => `k${i}`);
    expect(keyArray('uuid', many, 3)).toEqual({ sql: '$3::uuid[]', params: [many] });
    expect(keyTuples(['varchar', 'uuid'], [['A', 'x']], 1)).toEqual({
      sql: '(($1::varchar, $2::uuid))',
      params: ['A', 'x'],
    });
    expect(
      keyTuples(
        ['varchar', 'uuid'],
        Array.from({ length: 65 }, (_, i) => ['T', `x${i}`]),
      ),
    ).toEqual({
      sql: '(SELECT * FROM unnest($1::varchar[], $2::uuid[]))',
      params: [Array(65).fill('T'), Array.from({ length: 65 }, (_, i) => `x${i}`)],
    });
    expect(() => keyTuples(['varchar', 'uuid'], [['A']])).toThrow(RangeError);
  });

  it('any list: the same keys, one placeholder a bound value numbered on from $from, one text per slot length', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uuid(), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 5 }),
        (keys, from) => {
          const { sql, params } = keyArray('uuid', keys, from);
          const slots = keySlots(keys.length);
          if (slots === null) {
            expect(params).toEqual([keys]);
            expect(numbers(sql)).toEqual([from]);
            return;
          }
          expect(params).toHaveLength(slots);
          expect(new Set(params)).toEqual(new Set(keys));
          expect(params.slice(0, keys.length)).toEqual(keys);
          expect(numbers(sql)).toEqual(Array.from({ length: slots }, (_, i) => from + i));
          // the text depends on the slot length only, so a statement has at most seven names
          expect(sql).toBe(keyArray('uuid', Array(slots).fill(keys[0]), from).sql);
        },
      ),
    );
  });

  it('any tuple list: each tuple its placeholders in column order, padded with the last tuple', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('MEDIATION', 'ARBITRATION'), fc.uuid()), {
          minLength: 1,
          maxLength: 70,
        }),
        (tuples) => {
          const { sql, params } = keyTuples(['varchar', 'uuid'], tuples);
          const slots = keySlots(tuples.length);
          if (slots === null) {
            expect(params).toEqual([tuples.map((t) => t[0]), tuples.map((t) => t[1])]);
            return;
          }
          const bound = Array.from({ length: slots }, (_, i) => [params[2 * i], params[2 * i + 1]]);
          expect(bound.slice(0, tuples.length)).toEqual(tuples);
          expect(new Set(bound.map((b) => b.join()))).toEqual(new Set(tuples.map((t) => t.join())));
          expect(numbers(sql)).toEqual(Array.from({ length: 2 * slots }, (_, i) => 1 + i));
        },
      ),
    );
  });
});
