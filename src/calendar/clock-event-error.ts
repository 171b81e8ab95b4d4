/**
 * An event list that is inconsistent; `field` points at the offending event, e.g. `events[3]` or `events[3].date`;
 * `detail` is the message without the field (`message` is `${field}: ${detail}`), `zh` the same in zh-CN. `field` is
 * the engine's own (DeadlinesService.addEvent maps it to the request's); `detail` and `zh` reach the 400 as they are,
 * so they name another event of the clock by its type and date, never by its place in the list.
 */
export class ClockEventError extends Error {
  readonly code = 'INVALID_CLOCK_EVENT';

  constructor(
    readonly field: string,
    readonly detail: string,
    readonly zh: string,
  ) {
    super(`${field}: ${detail}`);
    this.name = 'ClockEventError';
  }
}
