import { ARBITRATION_CORRECTION_PAUSE_REASON } from '../arbitration/application-correction.rules';
import { CORRECTION_PAUSE_REASON } from '../complaints/complaints.deadline-rules';
import type { ClockView } from '../deadlines/deadlines.service';

type ClockFacts = Pick<ClockView, 'rule' | 'due' | 'daysRemaining' | 'state'> & {
  provisional?: boolean;
  events?: ClockView['events'];
};

/**
 * Said after a date counted through a year whose holiday schedule (国务院办公厅关于某年部分节假日安排的通知) is not
 * loaded: the calendar answers `provisional: true` and the date may move once the notice is published.
 */
export const PROVISIONAL_NOTE = '（暂定，待公布该年节假日安排后确认）';

/**
 * Said after the suit deadline of an award one of whose documents is not served yet: each document's window runs from
 * its own service (调解仲裁法 第四十八条、第五十条: 自收到裁决书之日起十五日内), so the last day to sue is not known.
 */
export const UNSERVED_AWARD_NOTE = '（暂定，另一份裁决书尚未送达，对其起诉的期限自收到之日起计算）';

/** Whether the date a clock shows may still move: counted through an unloaded year, and not settled (met or ended). */
export function shownProvisional(c: ClockFacts | undefined): boolean {
  return !!c?.provisional && c.state !== 'MET' && c.state !== 'ENDED' && c.due !== null;
}

/**
 * Whether a date the file states outside the deadline list (a suit deadline, a due date the case stores) is
 * provisional as that list says it: the clock of `ruleId` that ends on that date shows it provisional.
 */
export function provisionalDate(clocks: readonly ClockFacts[], ruleId: string, date: string | null): boolean {
  return date !== null && clocks.some((c) => c.rule.id === ruleId && c.due === date && shownProvisional(c));
}

/**
 * A clock in words a worker understands (Chinese, as the platform's users read it). A party's own window that ran out
 * (to sue, to apply to set an award aside, to complete a complaint: holder PARTY) LAPSED — no one is late — so it is
 * 届满, not 超期.
 */
export function plainDeadline(c: ClockFacts): string {
  const text = plainState(c);
  // A date shown (not a met deadline, which shows none) that the unpublished schedule may still move.
  return shownProvisional(c) ? `${text}${PROVISIONAL_NOTE}` : text;
}

function plainState(c: ClockFacts): string {
  const unit = c.rule.unit === 'WORKDAY' ? '个工作日' : '天';
  // 补正: the complainant is to complete the complaint; the period then runs anew (若干规定 第十八条第三款).
  const pause = c.events?.findLast((e) => e.type === 'PAUSE');
  if (c.state === 'PAUSED' && pause?.type === 'PAUSE' && pause.reason === CORRECTION_PAUSE_REASON)
    return `${c.rule.name.zh}：等待投诉人补正材料，补正后重新计算`;
  // 补正 of an arbitration application (办案规则 第二十九条第四款): the period runs anew from the completed application.
  if (c.state === 'PAUSED' && pause?.type === 'PAUSE' && pause.reason === ARBITRATION_CORRECTION_PAUSE_REASON)
    return `${c.rule.name.zh}：等待申请人补正仲裁申请材料，补正后重新计算`;
  if (c.state === 'PAUSED') return `${c.rule.name.zh}：程序中止，期限暂停计算`;
  if (c.state === 'MET') return `${c.rule.name.zh}：已在期限内完成`;
  // Ended by the dispute's arbitration application: before the complaint was decided, or during its mediation (调解仲裁法
  // 第五条: the mediation ends, withdrawn by nobody — as MEDIATION_ENDED_BY_APPLICATION tells the worker).
  const stop = c.events?.findLast((e) => e.type === 'STOP');
  if (c.state === 'ENDED' && stop?.type === 'STOP' && stop.reason === 'ARBITRATION')
    return c.rule.id === 'MEDIATION'
      ? `${c.rule.name.zh}：因申请劳动争议仲裁，调解已结束，期限终止`
      : `${c.rule.name.zh}：争议已申请劳动仲裁，按仲裁程序办理，期限终止`;
  // A party's window in a proceeding that ended first (a respondent that never answered before the case closed).
  if (c.state === 'ENDED' && stop?.type === 'STOP' && stop.reason === 'CASE_CLOSED')
    return `${c.rule.name.zh}：案件已结束，期限终止`;
  // Stopped by the withdrawal (撤回: of the complaint, or of the mediation by the worker's choice): nothing was done in
  // time, nor late.
  if (c.state === 'ENDED')
    return `${c.rule.name.zh}：${c.rule.id === 'MEDIATION' ? '调解' : '投诉'}已撤回，期限终止`;
  // 补正 (platform period, 若干规定 第十八条第三款 sets none): a late completion is still taken.
  if (
    c.state === 'LAPSED' &&
    (c.rule.id === 'COMPLAINT_CORRECTION' || c.rule.id === 'ARBITRATION_CORRECTION')
  )
    return `${c.rule.name.zh}：已于${c.due}届满，逾期补正的仍可提交，补正后重新计算受理期限`;
  if (c.state === 'LAPSED') return `${c.rule.name.zh}：已于${c.due}届满`;
  if (c.state === 'BREACHED') return `${c.rule.name.zh}：已于${c.due}到期（已超期）`;
  if (c.daysRemaining === 0) return `${c.rule.name.zh}：今天（${c.due}）到期`;
  return `${c.rule.name.zh}：${c.due}到期，还有${c.daysRemaining}${unit}`;
}

/**
 * The case file's next deadline: the earliest due of the clocks still running, and of the staff duties overdue (the
 * body still owes the act). A party's window that LAPSED, and a clock its proceeding stopped, are history — the
 * deadlines list and the timeline keep them — never the next deadline.
 */
export function nextDeadline<C extends Pick<ClockView, 'rule' | 'due' | 'state' | 'events'>>(
  clocks: readonly C[],
): C | undefined {
  return clocks
    .filter(
      (c) =>
        c.due !== null &&
        (c.state === 'RUNNING' || c.state === 'BREACHED') &&
        // A stopped clock is over (a mediation expired, an award given late): no date is still to come on it.
        !c.events.some((e) => e.type === 'STOP'),
    )
    .reduce<C | undefined>((next, c) => (next === undefined || c.due! < next.due! ? c : next), undefined);
}

/**
 * The due date of a clock that was extended (an EXTEND event: for mediation, by the parties' agreement), null for one
 * never extended or no clock: a text that names the statutory period must name this date instead.
 */
export function extendedDue(c: Pick<ClockView, 'due' | 'events'> | undefined): string | null {
  return c && c.events.some((e) => e.type === 'EXTEND') ? c.due : null;
}
