import { Brackets, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { decodeCursor, encodeCursor, type Page } from '../common/http/pagination';
import { UUID_PATTERN } from '../common/ids';
import { aliasRowsReader } from './entity-rows';
import { prepared } from './prepared-statements';

/** The well-formed division-code prefixes of a scope (2–12 digits); anything else covers nothing. */
const validPrefixes = (prefixes: readonly string[]) => prefixes.filter((p) => /^\d{2,12}$/.test(p));

/** A scope's prefixes as LIKE patterns, for `column LIKE ANY($n::text[])`; an empty array matches nothing. */
export function jurisdictionPatterns(prefixes: readonly string[]): string[] {
  return validPrefixes(prefixes).map((p) => `${p}%`);
}

// GB/T 2260 and GB/T 10114-2003: a street or town (乡级) code is its county's 6 digits and 3 of its own.
export const STREET_CODE_LENGTH = 9;

/**
 * What a division-code column holds: codes of any level, or street-level codes only (a CHECK keeps them 9 digits),
 * in which a street's own code matches its rows alone.
 */
export type DivisionColumn = 'codes' | 'street codes';

/**
 * The condition on a division-code column for one scope prefix: a code covers every code it prefixes. In a column
 * of street codes, a street's code covers that street alone and is tested by equality, which the column's
 * (code, created_at, id) index reads in a page's order; a LIKE is a filter on a walk of every street's rows.
 * `prefix` is written into the text: digits only, as `validPrefixes` has checked (whereInJurisdictions).
 */
export function jurisdictionCondition(column: string, prefix: string, holds: DivisionColumn): string {
  if (holds === 'street codes' && prefix.length === STREET_CODE_LENGTH) return `${column} = '${prefix}'`;
  return `${column} LIKE '${prefix}%'`;
}

/**
 * Restricts a query to rows whose division-code column falls in the caller's jurisdictions (a code covers every
 * code it prefixes); an empty scope matches nothing.
 */
export function whereInJurisdictions<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  prefixes: readonly string[],
  holds: DivisionColumn = 'codes',
): SelectQueryBuilder<T> {
  const valid = validPrefixes(prefixes);
  if (valid.length === 0) return qb.andWhere('false');
  // The prefixes are written into the text, not bound: digits only (checked just above), and the planner then sees
  // them in a prepared page's generic plan as it would in a custom one (keysetPage).
  return qb.andWhere(
    new Brackets((b) => valid.forEach((p) => b.orWhere(jurisdictionCondition(column, p, holds)))),
  );
}

/**
 * `column = id` with the id written into the text, not bound, for a scope the server sets (an arbitration
 * commission's id: a district has one), so that a page of the scope alone is a named statement with a kept plan
 * (keysetPage), not planned on every call (bench/README.md, eleventh pass). An id that is not a UUID is bound.
 */
export function whereIdIs<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  id: string,
): SelectQueryBuilder<T> {
  if (UUID_PATTERN.test(id)) return qb.andWhere(`${column} = '${id}'`);
  return qb.andWhere(`${column} = :scopeId`, { scopeId: id });
}

/** How many page texts `keysetPage` names at most in a process: one per list, scope and page size in use. */
const MAX_PREPARED_PAGES = 256;
const preparedPages = new Set<string>();

/** The order of a keyset page by (created_at, id): newest first (a list), or oldest first (a thread, read in order). */
export type KeysetOrder = 'newest' | 'oldest';

/**
 * Newest first (or `order` oldest first) by (created_at, id), from an opaque cursor; fetches one extra row to know
 * whether a next page exists. `em` is the manager `qb` was made with.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  em: EntityManager,
  qb: SelectQueryBuilder<T>,
  alias: string,
  cursor: string | undefined,
  limit: number,
  order: KeysetOrder = 'newest',
  keys: readonly string[] = [],
): Promise<Page<T>> {
  return (await keysetPageWithColumns(em, qb, alias, cursor, limit, [], order, keys)).page;
}

/**
 * `keysetPage`, with the values of columns the caller added to the builder (`qb.addSelect(expression, name)`: what a
 * list shows of each row from other tables, read in the page's own statement instead of one more), keyed by the
 * row's id.
 */
export async function keysetPageWithColumns<
  T extends ObjectLiteral & { id: string; createdAt: Date },
  X extends Record<string, unknown>,
>(
  em: EntityManager,
  qb: SelectQueryBuilder<T>,
  alias: string,
  cursor: string | undefined,
  limit: number,
  columns: readonly (keyof X & string)[],
  order: KeysetOrder = 'newest',
  keys: readonly string[] = [],
): Promise<{ page: Page<T>; columns: Map<string, X> }> {
  const [after, direction] = order === 'newest' ? (['<', 'DESC'] as const) : (['>', 'ASC'] as const);
  // Before the cursor: a query whose only bound values are `keys` (a key an index leads with: one plan fits every
  // value) or none (the scope written in, no filters) plans the same for every call, so it can be a named
  // statement; a filter's value may change its best plan.
  const fixed = Object.keys(qb.getParameters()).every((name) => keys.includes(name));
  const c = decodeCursor(cursor);
  if (c) {
    // The cursor's timestamp has milliseconds, PostgreSQL keeps microseconds: compare with the cursor row's own
    // created_at (rows inserted in one transaction share it), falling back to the cursor's if the row is gone.
    const table = qb.expressionMap.mainAlias!.metadata.tablePath;
    qb.andWhere(
      `(${alias}.created_at, ${alias}.id) ${after} (COALESCE((SELECT k.created_at FROM ${table} k WHERE k.id = :cId), :cAt), :cId)`,
      { cAt: c.createdAt, cId: c.id },
    );
  }
  qb.orderBy(`${alias}.created_at`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .take(limit + 1);
  const { rows, raw } = (await plainPage(em, qb, alias, fixed)) ?? (await builtPage(qb, columns));
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const values = new Map<string, X>();
  if (columns.length > 0) {
    const idKey = DriverUtils.buildAlias(em.connection.driver, undefined, alias, 'id');
    const byId = new Map(raw.map((r) => [String(r[idKey]), r]));
    for (const item of items) {
      const r = byId.get(item.id);
      if (r) values.set(item.id, Object.fromEntries(columns.map((k) => [k, r[k]])) as X);
    }
  }
  return {
    page: {
      items,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    },
    columns: values,
  };
}

/** The page as TypeORM builds it; its raw rows only when the caller added columns. */
async function builtPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  columns: readonly string[],
): Promise<{ rows: T[]; raw: Record<string, unknown>[] }> {
  if (columns.length === 0) return { rows: await qb.getMany(), raw: [] };
  const { entities, raw } = await qb.getRawAndEntities();
  return { rows: entities, raw: raw as Record<string, unknown>[] };
}

/**
 * A page of one table's rows, as `getMany` would build them, from the builder's own SQL run as plain SQL in `em`
 * (and as a named statement when `fixed`), with the rows as PostgreSQL sent them: `getMany`'s per-row transformer
 * cost a page of 21 complaints about as much of the API's CPU as running the query (bench/README.md, eighth pass).
 * Null when the builder joins (then `take` pages in two queries) or the entity is one `aliasRowsReader` does not
 * read.
 */
async function plainPage<T extends ObjectLiteral>(
  em: EntityManager,
  qb: SelectQueryBuilder<T>,
  alias: string,
  fixed: boolean,
): Promise<{ rows: T[]; raw: Record<string, unknown>[] } | null> {
  const main = qb.expressionMap.mainAlias;
  if (!main?.hasMetadata || qb.expressionMap.joinAttributes.length > 0) return null;
  const entities = aliasRowsReader(em, main.target as new () => T, alias);
  if (!entities) return null;
  const [sql, params] = qb.dataSource.driver.escapeQueryWithParameters(pageText(qb), qb.getParameters());
  if (fixed && preparedPages.size < MAX_PREPARED_PAGES) preparedPages.add(sql);
  const text = fixed && preparedPages.has(sql) ? prepared(sql) : sql;
  const raw = await em.query<Record<string, unknown>[]>(text, params);
  return { rows: entities(raw), raw };
}

/**
 * TypeORM builds a builder's text anew on every call (on a list page ≈ 7 % of the API's CPU: bench/README.md,
 * twelfth pass), though a list's pages come in a few shapes (its scope, which filters, a cursor or none). The text,
 * placeholders still named, is kept by the builder's shape: everything `getQuery` reads but the parameters' values,
 * which are bound afterwards as `getQueryAndParameters` binds them. A shape with CTEs or relation ids is built
 * every time.
 */
const pageTexts = new Map<string, string>();
const MAX_PAGE_TEXTS = 1024;

export function pageText(qb: SelectQueryBuilder<ObjectLiteral>): string {
  const m = qb.expressionMap;
  if (m.commonTableExpressions.length > 0 || m.relationIdAttributes.length > 0) return qb.getQuery();
  const shape = JSON.stringify([
    m.queryType,
    m.aliases.map((a) => [a.name, a.hasMetadata ? a.metadata.tablePath : a.tablePath, a.subQuery]),
    m.mainAlias?.name,
    m.joinAttributes.length,
    m.selects,
    m.selectDistinct,
    m.selectDistinctOn,
    m.wheres,
    m.orderBys,
    m.groupBys,
    m.havings,
    m.take,
    m.skip,
    m.limit,
    m.offset,
    m.lockMode,
    m.lockVersion,
    m.lockTables,
    m.onLocked,
    m.withDeleted,
    m.comment,
    m.subQuery,
    m.aliasNamePrefixingEnabled,
    m.disableEscaping,
    m.timeTravel,
    m.useIndex,
    m.extraAppendedAndWhereCondition,
  ]);
  let text = pageTexts.get(shape);
  if (text === undefined) {
    text = qb.getQuery();
    if (pageTexts.size < MAX_PAGE_TEXTS) pageTexts.set(shape, text);
  }
  return text;
}
