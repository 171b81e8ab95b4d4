/** Legal dates are calendar dates in Asia/Shanghai (UTC+8, no DST), whatever the server's time zone. */
const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date = new Date()): string {
  return FORMAT.format(instant);
}

export function shanghaiYear(instant: Date = new Date()): number {
  return Number(shanghaiDate(instant).slice(0, 4));
}
