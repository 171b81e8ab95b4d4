import type { ClockView } from '../deadlines/deadlines.service';
import { periodStart } from '../deadlines/period-start';
import { shownProvisional } from './plain-deadline';

/**
 * One statutory period, one line of the worker's deadline list (my-cases.service.ts).
 *
 * A complaint handled by inspection counts the 受理 period twice: intake starts it on the complaint (complaints.service
 * intake) and the inspection case starts it again, from the same receipt, when the brigade opens the case
 * (InspectionService.openFromComplaint). Both are the one period of 若干规定 第十八条 (接到投诉之日起5个工作日内依法受理，
 * 并于受理之日立案查处): the intake's review runs in it, and the brigade's 受理 and 立案, one decision, settle it.
 */

type Entry = { proceeding: string; clock: ClockView };

/** The name the worker reads for the inspection case's share of that period: the brigade's 受理 and 立案 are owed. */
export const FILING_PERIOD_NAME = '投诉受理及立案期限';

/** Same rule counted from the same day (its start, or its restart after 补正): the same period. */
const periodOf = (c: ClockView) => `${c.rule.id}|${periodStart(c)}`;

/**
 * The clocks as the list shows them: each period once — a complaint's clock is left out when a proceeding's case
 * counts the same rule from the same day (that case settles the period last: the brigade's 受理 and 立案 after the
 * intake's review) — and the inspection case's acceptance clock named for what it measures, the brigade's decision
 * (FILING_PERIOD_NAME). The complaint's clock restarted by 补正 counts from the completed complaint, as the
 * inspection case's does: one line. A period counted from another day stays a line of its own, as do two clocks of
 * one case (a mixed award's two suit windows, party-windows.ts).
 */
export function onePerPeriod<E extends Entry>(entries: readonly E[]): E[] {
  const takenOver = new Set(
    entries.filter((e) => e.proceeding !== 'COMPLAINT').map((e) => periodOf(e.clock)),
  );
  return entries
    .filter((e) => e.proceeding !== 'COMPLAINT' || !takenOver.has(periodOf(e.clock)))
    .map((e) => (isFiling(e) ? { ...e, clock: named(e.clock, FILING_PERIOD_NAME) } : e));
}

const named = (c: ClockView, zh: string): ClockView => ({
  ...c,
  rule: { ...c.rule, name: { ...c.rule.name, zh } },
});

/** The inspection case's acceptance clock (若干规定 第十八条: 受理 within 5 working days, 立案 the same day). */
const isFiling = (e: Entry) => e.proceeding === 'INSPECTION' && e.clock.rule.id === 'INSPECTION_ACCEPTANCE';

/**
 * The last day for the brigade to open the case (立案) and whether it may still move (暂定), for the next step of an
 * inspection case not yet opened; nulls when no such clock runs.
 */
export function filingDue(entries: readonly Entry[]): {
  filingDueOn: string | null;
  filingDueOnProvisional: boolean;
} {
  const c = entries.filter(isFiling).at(-1)?.clock;
  return { filingDueOn: c?.due ?? null, filingDueOnProvisional: shownProvisional(c) };
}
