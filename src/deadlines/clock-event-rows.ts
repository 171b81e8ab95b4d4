import { CLOCK_STOP_REASONS, type ClockEvent, type ClockStopReason } from '../calendar/deadline-engine';
import type { ClockEventFields } from './deadlines.repository';

function isStopReason(reason: string | null): reason is ClockStopReason {
  return (CLOCK_STOP_REASONS as readonly (string | null)[]).includes(reason);
}

/** A stored clock event as the engine reads it (a STOP keeps the reason it records, e.g. WITHDRAWN). */
export function toEvent(r: ClockEventFields): ClockEvent {
  switch (r.type) {
    case 'PAUSE':
      return { type: 'PAUSE', date: r.date, reason: r.reason ?? '' };
    case 'RESUME':
      return { type: 'RESUME', date: r.date };
    case 'RESTART':
      return { type: 'RESTART', date: r.date, reason: r.reason ?? '' };
    case 'EXTEND':
      return {
        type: 'EXTEND',
        date: r.date,
        amount: r.amount ?? 0,
        approver: r.actorUserId ?? '',
        reason: r.reason ?? '',
      };
    case 'STOP':
      return isStopReason(r.reason)
        ? { type: 'STOP', date: r.date, reason: r.reason }
        : { type: 'STOP', date: r.date };
  }
}
