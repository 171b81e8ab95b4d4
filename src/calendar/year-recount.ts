/** Rows read per page of a year's recount (each row recounted in a transaction of its own). */
export const RECOUNT_PAGE = 200;

/**
 * The loop of a year listener's recount job (CalendarService.registerYearListener): reads the ids of the rows whose
 * stored dates may have moved a page at a time (by id, after the last one read) and recounts each; how many moved.
 */
export async function recountInPages(
  page: (afterId: string | null, limit: number) => Promise<string[]>,
  recountOne: (id: string) => Promise<boolean>,
): Promise<number> {
  let moved = 0;
  for (let after: string | null = null; ;) {
    const ids = await page(after, RECOUNT_PAGE);
    for (const id of ids) if (await recountOne(id)) moved++;
    if (ids.length < RECOUNT_PAGE) return moved;
    after = ids[ids.length - 1];
  }
}
