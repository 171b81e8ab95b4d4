import type { EntityManager, ObjectLiteral } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { prepared } from './prepared-statements';
import { highestPlaceholder, renumber } from './writes';

interface ColumnRead {
  property: string;
  databaseName: string;
  from?: (value: unknown) => unknown;
  /** How the column's value arrives in JSON (readTogether) when pg's own parse differs: a timestamp's text. */
  fromJson?: (value: unknown) => unknown;
}

interface EntityRead {
  /** The select list (`table.col AS "property"`, the columns a find selects), and the table. */
  list: string;
  /** The same columns as readTogether selects them: int8 and numeric as text, which pg hands over as strings. */
  jsonList: string;
  /** Why readTogether cannot read this entity (an array of int8, numeric or timestamps), or null. */
  jsonRefused: string | null;
  table: string;
  columns: ColumnRead[];
  /** The prepared text of each WHERE clause (with its extra columns) used with this entity. */
  texts: Map<string, string>;
  /** Each column's key in a row of this read: its property. */
  properties: string[];
  /** Each column's key in a row a query builder selected under an alias (`alias_column`), by alias. */
  aliased: Map<string, string[]>;
}

const reads = new WeakMap<object, EntityRead>();

/**
 * Column types whose value JSON would give otherwise than pg does: pg hands int8 and numeric over as their text
 * (a JSON number would lose digits), and parses a timestamp into a Date (JSON gives its ISO text, which `new Date`
 * reads to the same millisecond: both drop the microseconds). A `date` is text both ways (data-source-options.ts).
 */
const TEXT_IN_JSON = /^(bigint|int8|numeric|decimal|money)$/;
const DATE_IN_JSON = /^timestamp/;

function entityRead(em: EntityManager, target: new () => ObjectLiteral): EntityRead {
  let read = reads.get(target);
  if (read) return read;
  const meta = em.connection.getMetadata(target);
  if (meta.eagerRelations.length > 0 || meta.embeddeds.length > 0)
    throw new Error(`${meta.name}: eager relations and embedded columns are not read by findRows`);
  const columns = meta.columns.filter((c) => c.isSelect && !c.isVirtual);
  const list = columns.map((c) => `${meta.tableName}.${c.databaseName} AS "${c.propertyName}"`).join(', ');
  const typeOf = (c: (typeof columns)[number]) => em.connection.driver.normalizeType(c);
  const jsonList = columns
    .map((c) => {
      const asText = !c.isArray && TEXT_IN_JSON.test(typeOf(c)) ? '::text' : '';
      return `${meta.tableName}.${c.databaseName}${asText} AS "${c.propertyName}"`;
    })
    .join(', ');
  const refused = columns.find(
    (c) => c.isArray && (TEXT_IN_JSON.test(typeOf(c)) || DATE_IN_JSON.test(typeOf(c))),
  );
  read = {
    list,
    jsonList,
    jsonRefused: refused
      ? `${meta.name}.${refused.propertyName}: an array of ${typeOf(refused)} is not read by readTogether`
      : null,
    table: meta.tableName,
    columns: columns.map((c) => {
      const t = c.transformer;
      const type = typeOf(c);
      const read: ColumnRead = {
        property: c.propertyName,
        databaseName: c.databaseName,
        ...(DATE_IN_JSON.test(type) && {
          fromJson: (v: unknown) => (v === null ? null : new Date(v as string)),
        }),
      };
      if (t === undefined) return read;
      if (Array.isArray(t)) throw new Error(`${meta.name}.${c.propertyName}: one transformer expected`);
      return { ...read, from: (v: unknown) => t.from(v) as unknown };
    }),
    texts: new Map(),
    properties: columns.map((c) => c.propertyName),
    aliased: new Map(),
  };
  reads.set(target, read);
  return read;
}

/**
 * Entities read by a fixed WHERE clause in plain SQL, as a prepared statement: the objects `em.find` builds for the
 * same rows (the columns a find selects, each under its property, through the column's transformer), without the
 * query builder's work on every call. For the reads by key that every intake and acknowledgement makes (issue 17);
 * `where` must be a constant text (it names the statement), the values go in `params`.
 */
export async function findRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: new () => T,
  where: string,
  params: unknown[],
): Promise<T[]> {
  const read = entityRead(em, target);
  const rows = await em.query<Record<string, unknown>[]>(selectText(read, '', where), params);
  return hydrate(read, target, rows, read.properties);
}

/** The prepared text selecting the entity's columns, then `extra` (if any), by `where`; built once per pair. */
function selectText(read: EntityRead, extra: string, where: string): string {
  const key = extra ? `${extra}\u0000${where}` : where;
  let text = read.texts.get(key);
  if (text === undefined) {
    text = prepared(`SELECT ${read.list}${extra ? `, ${extra}` : ''} FROM ${read.table} WHERE ${where}`);
    read.texts.set(key, text);
  }
  return text;
}

/**
 * As `findRows`, with more columns selected after the entity's: `extra` is a constant text naming each one
 * `AS "key"` (a correlated subquery may name the entity's table), and each entity comes with its row, to read those
 * keys from. For a read and its children in one round trip.
 */
export async function findRowsWith<T extends ObjectLiteral>(
  em: EntityManager,
  target: new () => T,
  extra: string,
  where: string,
  params: unknown[],
): Promise<{ entity: T; row: Record<string, unknown> }[]> {
  const read = entityRead(em, target);
  const rows = await em.query<Record<string, unknown>[]>(selectText(read, extra, where), params);
  const entities = hydrate(read, target, rows, read.properties);
  return entities.map((entity, i) => ({ entity, row: rows[i] }));
}

/** The one entity a `findRows` WHERE clause selects by key, or null. */
export async function findRow<T extends ObjectLiteral>(
  em: EntityManager,
  target: new () => T,
  where: string,
  params: unknown[],
): Promise<T | null> {
  return (await findRows(em, target, where, params))[0] ?? null;
}

function hydrate<T extends ObjectLiteral>(
  read: EntityRead,
  target: new () => T,
  rows: Record<string, unknown>[],
  keys: readonly string[],
  json = false,
): T[] {
  return rows.map((row) => {
    const entity = new target();
    read.columns.forEach((c, i) => {
      // A column the statement did not select (a builder's partial select) stays unset, as getMany leaves it.
      if (!(keys[i] in row)) return;
      const raw = row[keys[i]];
      const value = json && c.fromJson ? c.fromJson(raw) : raw;
      (entity as Record<string, unknown>)[c.property] = c.from ? c.from(value) : value;
    });
    return entity;
  });
}

/**
 * A `findRowsWith` not yet sent, and what its caller makes of the rows: for `readTogether` to send with other
 * reads that do not depend on each other's rows. Each module builds its own (its table, its SQL); only the sending
 * is shared, as with writes (writes.ts).
 */
export interface RowsRead<T extends ObjectLiteral, R> {
  readonly target: new () => T;
  /** As findRowsWith's: constant texts naming each extra column `AS "key"`; '' for none. */
  readonly extra: string;
  /** The WHERE clause without ORDER BY, a constant text; its placeholders (with `extra`'s) from $1. */
  readonly where: string;
  /** The rows' order: an ORDER BY list of the table's columns, which must decide it. */
  readonly orderBy: string;
  readonly params: readonly unknown[];
  /** What the caller makes of the entities in that order, each with its row (to read `extra`'s keys from). */
  readonly make: (rows: { entity: T; row: Record<string, unknown> }[]) => R | Promise<R>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any entity, any result: each read keeps its own
type AnyRowsRead = RowsRead<any, unknown>;
type Made<Reads extends readonly AnyRowsRead[]> = {
  -readonly [K in keyof Reads]: Awaited<ReturnType<Reads[K]['make']>>;
};

/** A read of the entities alone (no extra columns), in `orderBy`'s order. */
export function entitiesRead<T extends ObjectLiteral>(
  target: new () => T,
  where: string,
  params: readonly unknown[],
  orderBy: string,
): RowsRead<T, T[]> {
  return { target, extra: '', where, params, orderBy, make: (rows) => rows.map((r) => r.entity) };
}

/** `r`, with `f` made of what its caller makes of its rows. */
export function mapRead<T extends ObjectLiteral, R, S>(
  r: RowsRead<T, R>,
  f: (made: R) => S | Promise<S>,
): RowsRead<T, S> {
  return { ...r, make: async (rows) => f(await r.make(rows)) };
}

/** A single read's own rows, as findRowsWith reads them. */
export async function readRows<T extends ObjectLiteral, R>(em: EntityManager, r: RowsRead<T, R>): Promise<R> {
  return r.make(await findRowsWith(em, r.target, r.extra, `${r.where} ORDER BY ${r.orderBy}`, [...r.params]));
}

/**
 * Reads that do not depend on one another in one round trip (issue 17, bench/README.md "Twenty-third pass"): each
 * read's rows as one JSON array column of one SELECT, in the read's order (numbered by its ORDER BY and aggregated
 * in that number's order), and the entities built of them as `findRowsWith` builds them of its own rows (the types
 * pg parses otherwise, above). A single read goes out as findRowsWith's own statement. The composed text is fixed by
 * the reads' texts, so it is a prepared statement.
 */
export async function readTogether<const Reads extends readonly AnyRowsRead[]>(
  em: EntityManager,
  reads: Reads,
): Promise<Made<Reads>> {
  if (reads.length <= 1)
    return (await Promise.all(reads.map((r) => readRows(em, r)))) as unknown as Made<Reads>;
  const params: unknown[] = [];
  const columns = reads.map((r, i) => {
    const read = entityRead(em, r.target);
    if (read.jsonRefused !== null) throw new Error(read.jsonRefused);
    const used = Math.max(highestPlaceholder(r.extra), highestPlaceholder(r.where));
    if (used !== r.params.length)
      throw new RangeError(`read ${i + 1} uses $${used} but binds ${r.params.length} parameters`);
    if (/\border\s+by\b/i.test(r.where)) throw new RangeError(`read ${i + 1}: its order goes in orderBy`);
    const at = params.length;
    params.push(...r.params);
    const extra = r.extra ? `, ${renumber(r.extra, at)}` : '';
    return `(SELECT coalesce(json_agg(r ORDER BY r."#"), '[]') FROM (SELECT ${read.jsonList}${extra},
        row_number() OVER (ORDER BY ${r.orderBy}) AS "#" FROM ${read.table} WHERE ${renumber(r.where, at)}) r) AS "${i}"`;
  });
  const [row] = await em.query<Record<string, Record<string, unknown>[]>[]>(
    prepared(`SELECT ${columns.join(',\n')}`),
    params,
  );
  return (await Promise.all(
    reads.map((r, i) => {
      const rows = row[String(i)];
      const read = entityRead(em, r.target);
      const entities = hydrate<ObjectLiteral>(read, r.target, rows, read.properties, true);
      return r.make(entities.map((entity, j) => ({ entity, row: rows[j] })));
    }),
  )) as unknown as Made<Reads>;
}

/**
 * The same reads for each of several items, all in one round trip (readTogether): `reads(item)` gives each item's
 * reads, as many for every item; the answer is each item's results, in the items' order.
 */
export async function readTogetherEach<Item, const Reads extends readonly AnyRowsRead[]>(
  em: EntityManager,
  items: readonly Item[],
  reads: (item: Item) => Reads,
): Promise<Made<Reads>[]> {
  const each = items.map(reads);
  const width = each[0]?.length ?? 0;
  if (each.some((r) => r.length !== width)) throw new RangeError('every item must give as many reads');
  const made = (await readTogether(em, each.flat())) as unknown[];
  return each.map((_, i) => made.slice(i * width, (i + 1) * width) as unknown as Made<Reads>);
}

/**
 * How to build the entities of rows a query builder's own SELECT of `alias` returned (columns named `alias_column`,
 * as `getQueryAndParameters()` writes them): what `getMany` builds of them, without its per-row transformer. Null
 * when the entity has eager relations or embedded columns, which only `getMany` reads.
 */
export function aliasRowsReader<T extends ObjectLiteral>(
  em: EntityManager,
  target: new () => T,
  alias: string,
): ((rows: Record<string, unknown>[]) => T[]) | null {
  let read: EntityRead;
  try {
    read = entityRead(em, target);
  } catch {
    return null;
  }
  let keys = read.aliased.get(alias);
  if (keys === undefined) {
    const driver = em.connection.driver;
    keys = read.columns.map((c) => DriverUtils.buildAlias(driver, undefined, alias, c.databaseName));
    read.aliased.set(alias, keys);
  }
  const columnKeys = keys;
  return (rows) => hydrate(read, target, rows, columnKeys);
}
