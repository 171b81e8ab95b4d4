import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { ArbitrationColleagues } from './arbitration-colleagues';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import { ArbitrationTribunalRepository } from './arbitration-tribunal.repository';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import type { ReplaceArbitratorDto } from './dto/tribunal-replacement.dto';
import type { ArbitrationCase } from './entities/arbitration-case.entity';
import { replaceMember, replacementProblems, type ReplacementReason } from './tribunal-replacement.rules';

/**
 * The commission replaces one member of a sitting tribunal: recused (回避, 调解仲裁法 第三十三条: the commission decides
 * on the application and tells the parties) or unable to act (left the commission, ill, …). The one coming in is
 * checked as formation checks arbitrators (ArbitrationColleagues), the tribunal keeps its size (第三十一条), the
 * hearings still to come seat the new member, and the parties are told the new composition as on formation (第三十二条:
 * 书面通知当事人) — from which their right to ask the new member to withdraw runs.
 */
@Injectable()
export class ArbitrationReplacementService {
  constructor(
    private readonly p: ArbitrationProceeding,
    private readonly colleagues: ArbitrationColleagues,
    private readonly repo: ArbitrationTribunalRepository,
    private readonly cases: ArbitrationRepository,
  ) {}

  replace(viewer: Principal, id: string, dto: ReplaceArbitratorDto): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'REPLACE_ARBITRATOR', async (em, c) => {
      const { changes, data } = await this.replaceIn(em, c, {
        leaving: dto.leavingArbitratorId,
        incoming: dto.incomingArbitratorId,
        reason: dto.reason,
      });
      return { changes, data: { ...data, ...(dto.note ? { note: dto.note } : {}) } };
    });
  }

  /**
   * The replacement inside the caller's transition (a granted recusal performs it too): checks, the hearings to come,
   * the parties' notice; returns the case's changes and the event's data.
   */
  async replaceIn(
    em: EntityManager,
    c: ArbitrationCase,
    r: { leaving: string; incoming: string; reason: ReplacementReason },
  ): Promise<{ changes: Partial<ArbitrationCase>; data: Record<string, unknown> }> {
    const problems = replacementProblems(c.arbitratorIds, r.leaving, r.incoming);
    if (problems.length) throw AppException.validation(problems);
    await this.colleagues.assertNamed(em, c, [r.incoming], 'incomingArbitratorId');
    const arbitratorIds = replaceMember(c.arbitratorIds, r.leaving, r.incoming);
    // The hearings to come seat the new member: never in two places at once (as scheduling checks).
    await this.cases.lockHearingCalendar(em);
    const clash = await this.incomingClash(em, c.id, r.leaving, r.incoming);
    if (clash)
      throw AppException.conflict(
        'DOUBLE_BOOKING',
        'The arbitrator coming in is booked in a slot overlapping a hearing of this case',
        { hearingId: clash.id, field: 'incomingArbitratorId' },
      );
    const hearingIds = await this.repo.replaceOnPendingHearings(em, c.id, r.leaving, r.incoming);
    // Both parties, as on formation (第三十二条): the worker, and the employer (被申请人) at its phone on record.
    const tribunal = c.tribunal === 'SOLE' ? '独任仲裁员' : '三名仲裁员';
    await this.p.notify(em, c, 'ARBITRATION_TRIBUNAL_CHANGED', `tribunal-changed:${c.version}`, { tribunal });
    await this.p.notifyEmployer(
      em,
      c,
      'ARBITRATION_TRIBUNAL_CHANGED_EMPLOYER',
      `tribunal-changed:${c.version}`,
      {
        caseNo: c.caseNo ?? '待定',
        tribunal,
      },
    );
    return {
      changes: {
        arbitratorIds,
        ...(r.reason === 'RECUSAL' ? { recusedArbitratorIds: [...c.recusedArbitratorIds, r.leaving] } : {}),
      },
      data: {
        reason: r.reason,
        leavingArbitratorId: r.leaving,
        incomingArbitratorId: r.incoming,
        arbitratorIds,
        hearingIds,
        citation: '调解仲裁法 第三十一条、第三十二条、第三十三条',
      },
    };
  }

  /**
   * A hearing elsewhere that books `incoming` in a slot overlapping one of this case's hearings to come that seats
   * `leaving` (the double booking the replacement would make), by the check scheduling makes; or null.
   */
  private async incomingClash(
    em: EntityManager,
    caseId: string,
    leaving: string,
    incoming: string,
  ): Promise<{ id: string } | null> {
    const toCome = (await this.cases.hearingsOf(em, caseId)).filter(
      (h) => h.arbitratorIds.includes(leaving) && !h.heldAt && !h.postponedAt && !h.cancelledAt,
    );
    for (const h of toCome) {
      const clash = await this.cases.conflictingHearing(em, {
        room: null,
        startsAt: h.startsAt,
        endsAt: h.endsAt,
        arbitratorIds: [incoming],
        except: h.id,
      });
      if (clash) return clash;
    }
    return null;
  }
}
