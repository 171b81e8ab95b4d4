import type { Response } from 'supertest';

/** One page request of a message thread, with these query parameters. */
export type ThreadPage = (query: Record<string, string | number>) => PromiseLike<Response>;

/** Walks a thread `limit` messages a page from its start: each page's size and every body, in the order read. */
export async function walkThread(
  page: ThreadPage,
  limit: number,
): Promise<{ sizes: number[]; bodies: string[] }> {
  const sizes: number[] = [];
  const bodies: string[] = [];
  let cursor: string | null = null;
  do {
    const r = await page(cursor ? { limit, cursor } : { limit });
    expect(r.status).toBe(200);
    const items = r.body.items as { body: string }[];
    sizes.push(items.length);
    bodies.push(...items.map((m) => m.body));
    cursor = r.body.nextCursor as string | null;
  } while (cursor);
  return { sizes, bodies };
}

/** A thread's page refuses what the case thread refuses (limit 1..100, its own cursors, nothing else): 400 on the field. */
export async function expectBadPageQueriesRefused(page: ThreadPage): Promise<void> {
  const bad: Record<string, string | number>[] = [
    { limit: 'abc' },
    { limit: 0 },
    { limit: 101 },
    { cursor: 'not-a-cursor' },
    { q: 'x' },
  ];
  for (const query of bad) {
    const r = await page(query);
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(r.body.details.map((d: { field: string }) => d.field)).toEqual([Object.keys(query)[0]]);
  }
}
