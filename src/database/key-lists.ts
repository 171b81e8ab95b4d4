/**
 * Key lists for prepared reads by several keys (issue 17, bench/README.md "Ninth pass").
 *
 * A prepared `id = ANY($1::uuid[])` is planned on every call: the generic plan cannot see the array's length and
 * costs it as ten keys, each custom plan sees one or two, so PostgreSQL never settles on the generic one. On the
 * case file these reads spent more time planning than running. Written as a list of placeholders padded to a few
 * fixed lengths, the generic plan sees as many keys as a custom plan would, and is kept after the fifth call.
 * Padding repeats the last key: `= ANY` and `IN` match a row once however often its key is listed.
 */

/** The lengths a list is padded to; a longer list is bound as one array (planned per call, as before). */
const SLOTS = [1, 2, 4, 8, 16, 32, 64] as const;

/** How many placeholders a list of `n` keys takes, or null when it is bound as one array. */
export function keySlots(n: number): number | null {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a key list needs at least one key, got ${n}`);
  return SLOTS.find((s) => s >= n) ?? null;
}

/** `$from::type, $from+1::type, …`, `width` placeholders to a row, `rows` rows. */
function placeholders(types: readonly string[], rows: number, from: number): string[] {
  return Array.from({ length: rows }, (_, r) =>
    types.map((t, i) => `$${from + r * types.length + i}::${t}`).join(', '),
  );
}

/**
 * The keys as an array expression for `column = ANY(<sql>)`, its placeholders numbered from `$from`, and the values
 * to bind in their place: `ARRAY[$1::uuid, $2::uuid]` for two keys, `$1::uuid[]` beyond the longest slot.
 */
export function keyArray(
  type: string,
  keys: readonly unknown[],
  from = 1,
): { sql: string; params: unknown[] } {
  const slots = keySlots(keys.length);
  if (slots === null) return { sql: `$${from}::${type}[]`, params: [[...keys]] };
  const padded = Array.from({ length: slots }, (_, i) => keys[Math.min(i, keys.length - 1)]);
  return { sql: `ARRAY[${placeholders([type], slots, from).join(', ')}]`, params: padded };
}

/**
 * Key tuples as a row list for `(a, b) IN <sql>`, placeholders from `$from`: `(($1::varchar, $2::uuid), ($3::varchar,
 * $4::uuid))`; beyond the longest slot, `(SELECT * FROM unnest($1::varchar[], $2::uuid[]))` with one array a column.
 */
export function keyTuples(
  types: readonly string[],
  tuples: readonly (readonly unknown[])[],
  from = 1,
): { sql: string; params: unknown[] } {
  const slots = keySlots(tuples.length);
  if (tuples.some((t) => t.length !== types.length))
    throw new RangeError(`each key tuple needs ${types.length} values`);
  if (slots === null) {
    const arrays = types.map((t, i) => `$${from + i}::${t}[]`).join(', ');
    return { sql: `(SELECT * FROM unnest(${arrays}))`, params: types.map((_, i) => tuples.map((t) => t[i])) };
  }
  const padded = Array.from({ length: slots }, (_, i) => tuples[Math.min(i, tuples.length - 1)]);
  const rows = placeholders(types, slots, from).map((r) => `(${r})`);
  return { sql: `(${rows.join(', ')})`, params: padded.flat() };
}
