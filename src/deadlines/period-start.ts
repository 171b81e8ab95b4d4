import type { ClockEvent } from '../calendar/deadline-engine';

/**
 * The day a clock's current period counts from: its start, or its last RESTART (the engine counts a fresh period from
 * that day, e.g. 补正: the acceptance period runs anew from the completed complaint, 若干规定 第十八条第三款).
 */
export function periodStart(c: { start: string; events: readonly ClockEvent[] }): string {
  return c.events.reduce((from, e) => (e.type === 'RESTART' ? e.date : from), c.start);
}
