import type { EntityManager, ObjectLiteral } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { prepared } from './prepared-statements';

interface ColumnRead {
  property: string;
  databaseName: string;
  from?: (value: unknown) => unknown;
}

interface EntityRead {
  /** The select list (`table.col AS "property"`, the columns a find selects), and the table. */
  list: string;
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

function entityRead(em: EntityManager, target: new () => ObjectLiteral): EntityRead {
  let read = reads.get(target);
  if (read) return read;
  const meta = em.connection.getMetadata(target);
  if (meta.eagerRelations.length > 0 || meta.embeddeds.length > 0)
    throw new Error(`${meta.name}: eager relations and embedded columns are not read by findRows`);
  const columns = meta.columns.filter((c) => c.isSelect && !c.isVirtual);
  const list = columns.map((c) => `${meta.tableName}.${c.databaseName} AS "${c.propertyName}"`).join(', ');
  read = {
    list,
    table: meta.tableName,
    columns: columns.map((c) => {
      const t = c.transformer;
      const read = { property: c.propertyName, databaseName: c.databaseName };
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
): T[] {
  return rows.map((row) => {
    const entity = new target();
    read.columns.forEach((c, i) => {
      // A column the statement did not select (a builder's partial select) stays unset, as getMany leaves it.
      if (!(keys[i] in row)) return;
      const value = row[keys[i]];
      (entity as Record<string, unknown>)[c.property] = c.from ? c.from(value) : value;
    });
    return entity;
  });
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
