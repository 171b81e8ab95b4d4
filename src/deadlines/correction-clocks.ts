import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { DeadlineRuleCatalogue } from '../calendar/deadline-catalogue';
import { computeDeadline } from '../calendar/deadline-engine';
import type { DeadlineRuleId } from '../calendar/deadline-rules';
import { DeadlinesService } from './deadlines.service';

/** A case whose decision period waits for a party's 补正: the period that waits and the party's own period. */
export interface CorrectionClocksOf {
  caseType: string;
  caseId: string;
  jurisdictionCode: string;
  /** The body's period that waits for the completed filing (受理 / 立案). */
  waiting: DeadlineRuleId;
  /** The party's period to complete it (holder PARTY). */
  correction: DeadlineRuleId;
}

/**
 * The clocks of a 补正, one way for every proceeding (a complaint: 若干规定 第十八条第三款; an arbitration application:
 * 办案规则 第二十九条第四款): asked, the decision period PAUSEs (nothing is decided: neither met nor late, no staff duty
 * runs) and the party's period starts; supplied, that period stops and the decision period RESTARTs from the day the
 * completed filing is received (a filing asked before the pause rule, its clock stopped, gets a new one).
 */
@Injectable()
export class CorrectionClocks {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly calendar: CalendarService,
    private readonly rules: DeadlineRuleCatalogue,
  ) {}

  /** Pauses the waiting period and starts the party's; returns the last day of the party's period. */
  async asked(
    em: EntityManager,
    k: CorrectionClocksOf,
    on: string,
    pauseReason: string,
    actor: Principal,
  ): Promise<string> {
    for (const clockId of await this.deadlines.unstopped(em, k.caseType, k.caseId, k.waiting))
      await this.deadlines.addEvent(em, clockId, { type: 'PAUSE', date: on, reason: pauseReason }, actor);
    await this.deadlines.start(em, {
      caseType: k.caseType,
      caseId: k.caseId,
      ruleId: k.correction,
      start: on,
      jurisdictionCode: k.jurisdictionCode,
    });
    return computeDeadline(this.rules.rule(k.correction), on, [], await this.calendar.calendar(em), on).due!;
  }

  /** Stops the party's period and runs the waiting one anew from `on`. */
  async supplied(
    em: EntityManager,
    k: CorrectionClocksOf,
    on: string,
    restartReason: string,
    actor: Principal,
  ): Promise<void> {
    await this.deadlines.stopRule(em, k.caseType, k.caseId, k.correction, on, actor);
    const paused = await this.deadlines.unstopped(em, k.caseType, k.caseId, k.waiting);
    for (const clockId of paused)
      await this.deadlines.addEvent(em, clockId, { type: 'RESTART', date: on, reason: restartReason }, actor);
    if (!paused.length)
      await this.deadlines.start(em, {
        caseType: k.caseType,
        caseId: k.caseId,
        ruleId: k.waiting,
        start: on,
        jurisdictionCode: k.jurisdictionCode,
      });
  }
}
