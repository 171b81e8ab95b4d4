import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ARBITRATION_CASE_TYPE } from './arbitration.constants';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationReplacementService } from './arbitration-replacement.service';
import { ArbitrationTribunalRepository } from './arbitration-tribunal.repository';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import type { DecideRecusalDto, RecordRecusalDto } from './dto/recusal.dto';
import type { ArbitrationCase } from './entities/arbitration-case.entity';
import type { ArbitrationRecusal } from './entities/arbitration-recusal.entity';
import { applicationProblems, decisionProblems } from './recusal.rules';

const DECISION_WORDS = { GRANTED: '准予回避', REFUSED: '驳回回避申请' } as const;

/**
 * 回避 (调解仲裁法 第三十三条): a party asks, orally or in writing, that a tribunal member withdraw; the commission's
 * staff record the application, and the commission decides promptly (及时作出决定) and tells the party who applied.
 * A grant replaces the member in the same act (ArbitrationReplacementService.replaceIn, reason RECUSAL). The decision's
 * clock (ARBITRATION_RECUSAL_DECISION: 办案规则 第十一条, 3 working days by 第八十条) opens with each application and
 * is stopped by its decision; overdue, it is listed as the other staff clocks are (GET /deadlines/due, the case view).
 */
@Injectable()
export class ArbitrationRecusalService {
  constructor(
    private readonly p: ArbitrationProceeding,
    private readonly repo: ArbitrationTribunalRepository,
    private readonly replacement: ArbitrationReplacementService,
    private readonly deadlines: DeadlinesService,
  ) {}

  record(viewer: Principal, id: string, dto: RecordRecusalDto): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'RECORD_RECUSAL_APPLICATION', async (em, c) => {
      const today = todayInShanghai();
      const receivedOn = dto.receivedOn ?? today;
      const problems = applicationProblems(c.arbitratorIds, dto.arbitratorId, receivedOn, {
        acceptedOn: c.acceptedOn,
        today,
      });
      if (problems.length) throw AppException.validation(problems);
      const recusalId = newId();
      // The commission's decision is due within 3 (working) days of the application (办案规则 第十一条、第八十条).
      const decisionClockId = await this.deadlines.start(em, {
        caseType: ARBITRATION_CASE_TYPE,
        caseId: c.id,
        ruleId: 'ARBITRATION_RECUSAL_DECISION',
        start: receivedOn,
        jurisdictionCode: c.jurisdictionCode,
      });
      await this.repo.insertRecusal(em, {
        id: recusalId,
        caseId: c.id,
        arbitratorId: dto.arbitratorId,
        side: dto.side,
        channel: dto.channel,
        grounds: dto.grounds,
        statement: dto.statement,
        receivedOn,
        decision: null,
        decidedOn: null,
        decisionReason: null,
        decisionClockId,
      });
      // The party's statement stays in its row: the timeline names the application, not its words.
      return {
        changes: {},
        data: {
          recusalId,
          arbitratorId: dto.arbitratorId,
          side: dto.side,
          channel: dto.channel,
          grounds: dto.grounds,
          receivedOn,
          citation: '调解仲裁法 第三十三条',
        },
      };
    });
  }

  decide(
    viewer: Principal,
    id: string,
    recusalId: string,
    dto: DecideRecusalDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'DECIDE_RECUSAL', async (em, c) => {
      const r = await this.repo.recusalOfCase(em, c.id, recusalId);
      if (!r) throw AppException.notFound('RECUSAL_NOT_FOUND', 'No such recusal application of this case');
      if (r.decision)
        throw AppException.conflict('RECUSAL_ALREADY_DECIDED', 'The application was decided already', {
          decision: r.decision,
          decidedOn: r.decidedOn,
        });
      const decidedOn = dto.decidedOn ?? todayInShanghai();
      const problems = decisionProblems(
        { decision: dto.decision, incomingArbitratorId: dto.incomingArbitratorId, decidedOn },
        { receivedOn: r.receivedOn, today: todayInShanghai() },
      );
      if (problems.length) throw AppException.validation(problems);
      const replaced =
        dto.decision === 'GRANTED'
          ? await this.replacement.replaceIn(em, c, {
              leaving: r.arbitratorId,
              incoming: dto.incomingArbitratorId!,
              reason: 'RECUSAL',
            })
          : { changes: {}, data: {} };
      await this.repo.decideRecusal(em, r.id, {
        decision: dto.decision,
        decidedOn,
        decisionReason: dto.reason,
      });
      await this.stopClock(em, c, r, decidedOn, viewer);
      await this.tell(c, r, dto.decision, em);
      return {
        changes: replaced.changes,
        data: {
          ...replaced.data,
          recusalId: r.id,
          arbitratorId: r.arbitratorId,
          decision: dto.decision,
          decidedOn,
          receivedOn: r.receivedOn,
          citation: '调解仲裁法 第三十三条',
        },
      };
    });
  }

  /** The decision stops its application's clock (none on an application recorded before the clock existed). */
  private async stopClock(
    em: EntityManager,
    c: ArbitrationCase,
    r: ArbitrationRecusal,
    decidedOn: string,
    viewer: Principal,
  ): Promise<void> {
    const open = await this.deadlines.unstopped(
      em,
      ARBITRATION_CASE_TYPE,
      c.id,
      'ARBITRATION_RECUSAL_DECISION',
    );
    if (r.decisionClockId && open.includes(r.decisionClockId))
      await this.deadlines.addEvent(em, r.decisionClockId, { type: 'STOP', date: decidedOn }, viewer);
  }

  /** 第三十三条: 以口头或者书面方式通知当事人 — the party who applied, by SMS as a record of the notice. */
  private async tell(
    c: ArbitrationCase,
    r: ArbitrationRecusal,
    decision: keyof typeof DECISION_WORDS,
    em: EntityManager,
  ): Promise<void> {
    const params = { decision: DECISION_WORDS[decision] };
    if (r.side === 'APPLICANT')
      await this.p.notify(em, c, 'ARBITRATION_RECUSAL_DECIDED', `recusal:${r.id}`, params);
    else
      await this.p.notifyEmployer(em, c, 'ARBITRATION_RECUSAL_DECIDED_EMPLOYER', `recusal:${r.id}`, {
        caseNo: c.caseNo ?? '待定',
        ...params,
      });
  }
}
