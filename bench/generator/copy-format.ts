/** A value in a PostgreSQL COPY text-format row: null is \N; arrays and JSON are passed pre-rendered. */
export type CopyValue = string | number | boolean | null;

/** Escapes one value for COPY ... FROM STDIN (text format): backslash, tab, newline and carriage return. */
export function copyValue(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : v;
}

export function copyLine(values: readonly CopyValue[]): string {
  let s = '';
  for (let i = 0; i < values.length; i++) s += (i ? '\t' : '') + copyValue(values[i]);
  return s + '\n';
}

/** A PostgreSQL array literal of uuids/strings without special characters. */
export function pgArray(items: readonly string[]): string {
  return `{${items.join(',')}}`;
}

/** A `timestamptz` literal for a Shanghai wall-clock time on a date (UTC+8, no daylight saving). */
export function shanghaiTimestamp(date: string, minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${date} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08`;
}

/** Unix milliseconds of a Shanghai wall-clock time (for time-ordered ids). */
export function shanghaiMillis(date: string, minuteOfDay: number): number {
  let midnight = MIDNIGHTS.get(date);
  if (midnight === undefined) {
    midnight = Date.parse(`${date}T00:00:00+08:00`);
    MIDNIGHTS.set(date, midnight);
  }
  return midnight + minuteOfDay * 60_000;
}
const MIDNIGHTS = new Map<string, number>();
