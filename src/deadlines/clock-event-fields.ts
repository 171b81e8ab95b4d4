/**
 * The request's own names for the fields of a clock event the engine refuses (DeadlinesService.addEvent `fields`),
 * so that a 400 names what the client sent, never the clock's event list (`event.date`, `events[3]`).
 */
export type ClockEventFieldNames = Readonly<Record<string, string>>;

/** POST /deadlines/:clockId/events: the body is the event; an event refused as a whole is refused on its `type`. */
export const CLOCK_EVENT_FIELDS: ClockEventFieldNames = {
  event: 'type',
  'event.type': 'type',
  'event.date': 'date',
  'event.amount': 'amount',
};

/** A step of a proceeding dated by the request's `on` (a STOP, an extension on that date). */
export const DATED_ON_FIELDS: ClockEventFieldNames = { event: 'on', 'event.date': 'on' };
