import { assignedElseBody } from '../notifications/undelivered-sms';

/** The staff of one case as its owning module knows them (user ids). */
export interface CaseStaff {
  /** Those named on the case — its mediator, its tribunal, its assigned inspectors — active or not. */
  assigned: readonly string[];
  /**
   * The active staff of the body responsible for the case whose role and scope cover it: the committee's mediators
   * of the street, the commission's arbitrators, the brigade's inspectors of the street.
   */
  body: readonly string[];
}

/**
 * Who is reminded (undelivered-sms.ts `assignedElseBody`): the assignees still active staff of the body; with none,
 * the body's active staff. `assigneesGone` marks a case whose named assignees are all gone (deactivated, moved) and
 * whose body was told instead, so the sweep can say so; an unassigned case going to its body is the usual path, not that.
 */
export function reminderRecipients(s: CaseStaff): { to: string[]; assigneesGone: boolean } {
  const to = assignedElseBody(s.assigned, s.body);
  const toldInstead = to.length > 0 && !to.some((id) => s.assigned.includes(id));
  return { to, assigneesGone: s.assigned.length > 0 && toldInstead };
}

/** How a source reads one case's staff: its assignees, and its body (a key, and how to list its active staff). */
export interface CaseStaffOf {
  assigned: readonly string[];
  bodyKey: string;
  bodyStaff: () => Promise<string[]>;
}

/** A source's answer from its cases' rows: each body's staff read once per sweep, however many of its cases are due. */
export async function staffByCase<R extends { id: string }>(
  rows: readonly R[],
  of: (row: R) => CaseStaffOf,
): Promise<Map<string, CaseStaff>> {
  const bodies = new Map<string, string[]>();
  const out = new Map<string, CaseStaff>();
  for (const row of rows) {
    const c = of(row);
    let body = bodies.get(c.bodyKey);
    if (!body) bodies.set(c.bodyKey, (body = await c.bodyStaff()));
    out.set(row.id, { assigned: c.assigned, body });
  }
  return out;
}
