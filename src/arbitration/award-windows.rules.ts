import type { ArbitrationPartyWindowId } from './arbitration.deadline-rules';
import type { AwardDocumentKind } from './award-documents.rules';

/** A served document's dates as stored when it was served. */
export interface AwardWindows {
  kind: AwardDocumentKind;
  final: boolean;
  servedOn: string | null;
  suitDeadline: string | null;
  setAsideDeadline: string | null;
}

/** A party-window clock of the case as the deadline engine counts it today. */
export interface WindowClock {
  rule: { id: string };
  start: string;
  due: string | null;
}

/**
 * The windows of each served document as its clocks count them now, not as stored on service: they are calendar days
 * whose end rolls on past a holiday (调解仲裁法 第四十八条, 第五十条: 自收到仲裁裁决书之日起十五日内; 第四十九条: 三十日),
 * so a year's holiday schedule loaded or corrected after service moves them as it moves the clocks. A clock is paired
 * with the document served the day it starts (as labelSuitWindows pairs them); without one (an award recorded before
 * its windows were clocks) the stored date stands.
 */
export function windowsAsCounted<A extends AwardWindows>(
  awards: readonly A[],
  clocks: readonly WindowClock[],
): A[] {
  const due = (ruleId: ArbitrationPartyWindowId, servedOn: string) =>
    clocks.find((c) => c.rule.id === ruleId && c.start === servedOn && c.due !== null)?.due ?? null;
  return awards.map((a) =>
    a.servedOn === null
      ? a
      : {
          ...a,
          suitDeadline: due('ARBITRATION_SUIT_WINDOW', a.servedOn) ?? a.suitDeadline,
          setAsideDeadline: a.final
            ? (due('ARBITRATION_SET_ASIDE_WINDOW', a.servedOn) ?? a.setAsideDeadline)
            : a.setAsideDeadline,
        },
  );
}

/**
 * The case's last day to sue on its award: the latest of its served award documents' (a mixed award is two, each
 * with its own window; a 先行裁决 keeps its own on the document), else what the case stored (null before service).
 */
export function lastSuitDeadline(awards: readonly AwardWindows[], stored: string | null): string | null {
  const dates = awards
    .filter((a) => a.kind === 'AWARD' && a.servedOn !== null && a.suitDeadline !== null)
    .map((a) => a.suitDeadline!)
    .sort();
  return dates.at(-1) ?? stored;
}

/**
 * The case's award service day after one more of its award documents is served on `servedOn`: the latest service of
 * its documents, the day its last day to sue runs from (调解仲裁法 第四十八条, 第五十条: 自收到仲裁裁决书之日起). A
 * document served on an earlier day than one already recorded never moves it back (each document's own window runs
 * from its own day, on its clocks).
 */
export function caseServiceDay(recorded: string | null, servedOn: string): string {
  return recorded !== null && recorded > servedOn ? recorded : servedOn;
}
