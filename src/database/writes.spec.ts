import fc from 'fast-check';
import { composeWrites, GUARD, highestPlaceholder, renumber, type Write } from './writes';

/** A text with each `$n` replaced by the JSON of the n-th parameter: what the server would bind where. */
const bound = (sql: string, params: readonly unknown[]) =>
  sql.replace(/\$(\d+)/g, (_, n: string) => JSON.stringify(params[Number(n) - 1]));

describe('writes sent as one statement', () => {
  it('makes each write a CTE, its placeholders moved past the ones before it', () => {
    const events: Write = { sql: 'INSERT INTO a (x, y) VALUES ($1, $2)', params: ['x1', 'y1'] };
    const outbox: Write = {
      sql: 'INSERT INTO b (z) SELECT * FROM unnest($1::text[])',
      params: [['z1', 'z2']],
    };
    const clock: Write = { sql: 'INSERT INTO c (p, q) VALUES ($2, $1)', params: ['q1', 'p1'] };
    expect(composeWrites([events, outbox, clock])).toEqual({
      sql:
        'WITH w1 AS (INSERT INTO a (x, y) VALUES ($1, $2)), ' +
        'w2 AS (INSERT INTO b (z) SELECT * FROM unnest($3::text[])), ' +
        'w3 AS (INSERT INTO c (p, q) VALUES ($5, $4)) ' +
        'SELECT 1',
      params: ['x1', 'y1', ['z1', 'z2'], 'q1', 'p1'],
    });
    expect(composeWrites([events]).sql).toBe('WITH w1 AS (INSERT INTO a (x, y) VALUES ($1, $2)) SELECT 1');
  });

  it('refuses what it cannot compose safely', () => {
    expect(() => composeWrites([])).toThrow(RangeError);
    expect(() => composeWrites([{ sql: 'INSERT INTO a VALUES ($1, $2)', params: [1] }])).toThrow(/binds 1/);
    expect(() => composeWrites([{ sql: 'INSERT INTO a VALUES ($1) RETURNING id', params: [1] }])).toThrow(
      /RETURNING/,
    );
  });

  it('with a guard: opens with it, counts its rows first, numbers the gated writes after it', () => {
    const guard: Write = {
      sql: 'UPDATE m SET at = now() WHERE id = $1 AND at IS NULL RETURNING id',
      params: ['m1'],
    };
    const gated: Write = {
      sql: `INSERT INTO e (id, m) SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM ${GUARD})`,
      params: ['e1', 'm1'],
    };
    expect(composeWrites([gated], guard)).toEqual({
      sql:
        'WITH guard AS (UPDATE m SET at = now() WHERE id = $1 AND at IS NULL RETURNING id), ' +
        'w1 AS (INSERT INTO e (id, m) SELECT $2, $3 WHERE EXISTS (SELECT 1 FROM guard)) ' +
        'SELECT (SELECT count(*) FROM guard)::int AS guarded',
      params: ['m1', 'e1', 'm1'],
    });
    // Every CTE runs: a write that does not read the guard would be written whatever the guard did.
    expect(() => composeWrites([{ sql: 'INSERT INTO e VALUES ($1)', params: [1] }], guard)).toThrow(
      /does not read the guard/,
    );
    expect(() =>
      composeWrites([gated], { sql: 'UPDATE m SET at = now() WHERE id = $1', params: ['m1'] }),
    ).toThrow(/RETURNING/);
    expect(() => composeWrites([gated], { ...guard, params: [] })).toThrow(/guard uses \$1/);
  });

  it('binds every placeholder of every write to the same value as when the write is sent alone', () => {
    const write = fc
      .array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 12 })
      .chain((params) =>
        fc
          .shuffledSubarray(
            params.map((_, i) => i + 1),
            { minLength: params.length, maxLength: params.length },
          )
          .map((order) => ({
            sql: `INSERT INTO t (${order.map((n) => `c${n}`).join(', ')}) VALUES (${order.map((n) => `$${n}::text`).join(', ')})`,
            params,
          })),
      );
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 6 }), (writes) => {
        const { sql, params } = composeWrites(writes);
        const expected = `WITH ${writes.map((w, i) => `w${i + 1} AS (${bound(w.sql, w.params)})`).join(', ')} SELECT 1`;
        expect(bound(sql, params)).toBe(expected);
        expect(highestPlaceholder(sql)).toBe(params.length);
      }),
    );
  });

  it('renumbers every placeholder, multi-digit ones included, and leaves the rest of the text alone', () => {
    expect(renumber("SELECT $1, $12, '$x', $2::int[]", 10)).toBe("SELECT $11, $22, '$x', $12::int[]");
    expect(renumber('SELECT $1', 0)).toBe('SELECT $1');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1 }), fc.nat(200), (ns, offset) => {
        const sql = ns.map((n) => `$${n}`).join(' + ');
        expect(renumber(sql, offset)).toBe(ns.map((n) => `$${n + offset}`).join(' + '));
      }),
    );
  });
});
