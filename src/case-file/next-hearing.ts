import { shanghaiDateTime } from '../calendar/local-date';

/** A hearing of the worker's arbitration case, as its view gives it (instants as ISO strings). */
export interface HearingFacts {
  startsAt: string;
  room: string;
  heldAt: string | null;
  postponedAt: string | null;
  cancelledAt: string | null;
}

/** The date the worker's file offers next: a statutory deadline, or the next hearing (开庭). */
export interface NextDate {
  kind: 'DEADLINE' | 'HEARING';
  due: string;
  state: string;
  provisional: boolean;
  text: string;
  citation: string;
  /** HEARING: when it starts (ISO instant) and where (the room the commission booked); null for a deadline. */
  startsAt: string | null;
  place: string | null;
}

// 调解仲裁法 第三十五条: 开庭日期、地点书面通知双方当事人; 第三十六条: 申请人无正当理由拒不到庭的，可以视为撤回仲裁申请.
export const HEARING_CITATION =
  '劳动争议调解仲裁法 第三十五条 (开庭日期、地点书面通知双方当事人), 第三十六条 (申请人无正当理由拒不到庭的，可以视为撤回仲裁申请)';

/**
 * The next hearing still ahead on `today` (Asia/Shanghai): scheduled — not held, not postponed (its replacement is
 * the one ahead), not cancelled — on today or later; the earliest, else null.
 */
export function nextHearing<H extends HearingFacts>(hearings: readonly H[], today: string): H | null {
  return hearings
    .filter((h) => !h.heldAt && !h.postponedAt && !h.cancelledAt)
    .filter((h) => shanghaiDateTime(new Date(h.startsAt)).date >= today)
    .reduce<H | null>(
      (next, h) => (next === null || Date.parse(h.startsAt) < Date.parse(next.startsAt) ? h : next),
      null,
    );
}

/** A hearing as the worker's next date, in words: the day, the time and the place, and what missing it costs. */
export function hearingAsNextDate(h: HearingFacts): NextDate {
  const { date, time } = shanghaiDateTime(new Date(h.startsAt));
  return {
    kind: 'HEARING',
    due: date,
    state: 'SCHEDULED',
    provisional: false,
    text: `开庭：${date} ${time}，地点：${h.room}。请准时到庭，无正当理由拒不到庭的，可以视为撤回仲裁申请`,
    citation: HEARING_CITATION,
    startsAt: new Date(h.startsAt).toISOString(),
    place: h.room,
  };
}

/**
 * The earlier of the next deadline and the next hearing; on the same day the hearing (it is at a set hour, the
 * deadline runs to the day's end).
 */
export function earliestNextDate(deadline: NextDate | null, hearing: NextDate | null): NextDate | null {
  if (deadline === null || hearing === null) return deadline ?? hearing;
  return hearing.due <= deadline.due ? hearing : deadline;
}
