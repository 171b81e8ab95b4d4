import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ArbitrationClaim } from './entities/arbitration-claim.entity';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { ClockEventFieldNames } from '../deadlines/clock-event-fields';
import { ARBITRATION_CASE_TYPE } from './arbitration.constants';
import { defenceClocks, hearingsWithinAnswerPeriods } from './arbitration-hearing.rules';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import {
  changeAnswerPeriod,
  CLAIM_CHANGE_CITATION,
  CLAIM_CHANGE_RESTART_REASON,
  type ClaimAmendment,
  claimAmendmentErrors,
  claimChangeDateErrors,
  decidedAmendments,
} from './claim-change.rules';
import type { ClaimType } from './arbitration.constants';
import { newId } from '../common/ids';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';

/** The RESTART of the award period is dated by the request's `acceptedOn`: a 400 from the engine names it. */
const ACCEPTED_ON_FIELDS: ClockEventFieldNames = { event: 'acceptedOn', 'event.date': 'acceptedOn' };

/** 增加或者变更仲裁请求 (劳动人事争议仲裁办案规则 2017 第四十四条、第四十六条第（三）项). */
@Injectable()
export class ArbitrationClaimChangeService {
  constructor(
    private readonly p: ArbitrationProceeding,
    private readonly repo: ArbitrationRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  /**
   * The tribunal accepted the applicant's changed or increased claims, in one transaction: the award period is counted
   * again from that day (a RESTART of the ARBITRATION_DECISION clock, as the deadlines API would enter it); unless the
   * respondent expressly waived it, a new 10-working-day answer period (an ARBITRATION_DEFENCE clock) runs from the
   * day the change was served on it, which the hearing gate honours as it does the first. A hearing already booked
   * inside that period is kept and flagged (HEARING_WITHIN_ANSWER_PERIOD): the tribunal postpones it or the
   * respondent answers. Before the application is served, the change goes with it and its answer period covers both.
   */
  async accept(
    viewer: Principal,
    id: string,
    dto: {
      version: number;
      acceptedOn: string;
      description: string;
      answerWaived?: boolean;
      servedOn?: string;
      addedClaims?: { type: ClaimType; description: string; amountFen: number }[];
      changedClaims?: ClaimAmendment[];
    },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'ACCEPT_CLAIM_CHANGE', async (em, c) => {
      const today = todayInShanghai();
      const errors = claimChangeDateErrors({
        acceptedOn: dto.acceptedOn,
        servedOn: dto.servedOn,
        caseAcceptedOn: c.acceptedOn,
        today,
      });
      const claims = await this.repo.claimsOf(em, id);
      const changed = dto.changedClaims ?? [];
      errors.push(...claimAmendmentErrors(claims, changed));
      if (errors.length) throw AppException.validation(errors);
      const decided = decidedAmendments(claims, changed);
      // 调解仲裁法 第四十三条第二款: a claim decided by a 先行裁决 is decided; it is not reopened by a change.
      if (decided.length)
        throw AppException.conflict(
          'CLAIM_ALREADY_DECIDED',
          'A claim decided by a partial award cannot change',
          {
            seqs: decided,
          },
        );
      const items = await this.changeClaims(em, id, claims, dto.addedClaims ?? [], changed);
      const servedOn = dto.servedOn ?? dto.acceptedOn;
      const clocks = await this.deadlines.forCase(ARBITRATION_CASE_TYPE, id, today, em);
      const decision = clocks.find(
        (k) => k.rule.id === 'ARBITRATION_DECISION' && !k.events.some((e) => e.type === 'STOP'),
      );
      // Accepted and not closed: the award period runs (ArbitrationService.accept started it, an award stops it).
      if (!decision) throw new Error(`arbitration case ${id} has no running award period`);
      // A RESTART would end the 中止 silently (deadline-engine): the commission resumes first, as its own act.
      if (decision.state === 'PAUSED')
        throw AppException.conflict(
          'CLAIM_CHANGE_WHILE_SUSPENDED',
          'The proceeding is suspended (中止): resume it before accepting changed claims',
          { clockId: decision.id, allowedEvents: ['RESUME'] },
        );
      await this.deadlines.addEvent(
        em,
        decision.id,
        { type: 'RESTART', date: dto.acceptedOn, reason: CLAIM_CHANGE_RESTART_REASON },
        viewer,
        undefined,
        ACCEPTED_ON_FIELDS,
      );
      const answer = changeAnswerPeriod(dto.answerWaived ?? false, defenceClocks(clocks).length > 0);
      const answerClockId =
        answer === 'NEW_PERIOD'
          ? await this.deadlines.start(em, {
              caseType: ARBITRATION_CASE_TYPE,
              caseId: id,
              ruleId: 'ARBITRATION_DEFENCE',
              start: servedOn,
              jurisdictionCode: c.jurisdictionCode,
            })
          : null;
      const after = await this.deadlines.forCase(ARBITRATION_CASE_TYPE, id, today, em);
      const decisionDue = after.find((k) => k.id === decision.id)?.due ?? null;
      const answerDue = after.find((k) => k.id === answerClockId)?.due ?? null;
      const flagged = hearingsWithinAnswerPeriods(await this.repo.hearingsOf(em, id), defenceClocks(after));
      const key = `claim-change:v${c.version}`;
      await this.p.notify(em, c, 'ARBITRATION_CLAIMS_CHANGED', key, {
        acceptedOn: dto.acceptedOn,
        due: decisionDue ?? '',
      });
      if (answerDue)
        await this.p.notifyEmployer(em, c, 'ARBITRATION_CLAIMS_CHANGED_EMPLOYER', key, {
          caseNo: c.caseNo ?? '待定',
          acceptedOn: dto.acceptedOn,
          answerDue,
        });
      return {
        changes: {},
        data: {
          acceptedOn: dto.acceptedOn,
          description: dto.description,
          answerPeriod: answer,
          ...(answerClockId ? { servedOn, answerClockId, answerPeriodLastDay: answerDue } : {}),
          decisionClockId: decision.id,
          decisionDue,
          hearingsWithinAnswerPeriod: flagged,
          ...items,
          citation: CLAIM_CHANGE_CITATION,
        },
      };
    });
  }

  /** The claims' own change: added items numbered after the last, changed ones in place; what changed, for the timeline. */
  private async changeClaims(
    em: EntityManager,
    caseId: string,
    claims: readonly ArbitrationClaim[],
    added: readonly { type: ClaimType; description: string; amountFen: number }[],
    changed: readonly ClaimAmendment[],
  ) {
    const last = Math.max(0, ...claims.map((x) => x.seq));
    const rows = added.map((x, i) => ({ id: newId(), caseId, seq: last + i + 1, ...x }));
    await this.repo.insertClaims(em, rows);
    const byId = new Map(claims.map((x) => [x.id, x]));
    const amended = [];
    for (const x of changed) {
      const before = byId.get(x.claimId)!;
      await this.repo.updateClaim(em, x.claimId, {
        ...(x.description !== undefined ? { description: x.description } : {}),
        ...(x.amountFen !== undefined ? { amountFen: x.amountFen } : {}),
      });
      amended.push({
        claimId: x.claimId,
        seq: before.seq,
        amountFenBefore: before.amountFen,
        amountFen: x.amountFen ?? before.amountFen,
        ...(x.description !== undefined ? { description: x.description } : {}),
      });
    }
    return {
      addedClaims: rows.map((r) => ({ claimId: r.id, seq: r.seq, type: r.type, amountFen: r.amountFen })),
      changedClaims: amended,
    };
  }
}
