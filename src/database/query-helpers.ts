import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '../common/http/pagination';

/**
 * Restricts a query to rows whose division-code column falls in the caller's jurisdictions (a code covers every
 * code it prefixes); an empty scope matches nothing.
 */
export function whereInJurisdictions<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  prefixes: readonly string[],
): SelectQueryBuilder<T> {
  const valid = prefixes.filter((p) => /^\d{2,12}$/.test(p));
  if (valid.length === 0) return qb.andWhere('false');
  return qb.andWhere(
    new Brackets((b) =>
      valid.forEach((p, i) => b.orWhere(`${column} LIKE :jp${i}`, { [`jp${i}`]: `${p}%` })),
    ),
  );
}

/** Newest first by (created_at, id), from an opaque cursor; fetches one extra row to know whether a next page exists. */
export async function keysetPage<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<T>> {
  const c = decodeCursor(cursor);
  if (c) {
    // The cursor's timestamp has milliseconds, PostgreSQL keeps microseconds: compare with the cursor row's own
    // created_at (rows inserted in one transaction share it), falling back to the cursor's if the row is gone.
    const table = qb.expressionMap.mainAlias!.metadata.tablePath;
    qb.andWhere(
      `(${alias}.created_at, ${alias}.id) < (COALESCE((SELECT k.created_at FROM ${table} k WHERE k.id = :cId), :cAt), :cId)`,
      { cAt: c.createdAt, cId: c.id },
    );
  }
  const rows = await qb
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .take(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}
