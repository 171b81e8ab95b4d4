import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ArbitrationMediationStatement, type MediationStatement } from './arbitration-statement';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import { ARBITRATION_CASE_TYPE, type NonAwardClosure } from './arbitration.constants';
import { closureNoticeKey, deemedWithdrawalError, type ArbitrationWithdrawal } from './withdrawal.rules';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';

/** Closing an arbitration case without an award (调解仲裁法 第四十一条、第四十二条). */
@Injectable()
export class ArbitrationClosingService {
  constructor(
    private readonly repo: ArbitrationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly p: ArbitrationProceeding,
    private readonly statement: ArbitrationMediationStatement,
  ) {}

  /**
   * Ends the case without an award: 调解书 (MEDIATED), 撤回 (WITHDRAWN: on the applicant's request or a hearing they
   * missed, withdrawal.rules.ts) or 终止 (TERMINATED, with its reason).
   */
  async close(
    viewer: Principal,
    id: string,
    dto: {
      version: number;
      closureType: NonAwardClosure;
      withdrawal?: ArbitrationWithdrawal;
      reason?: string;
    } & MediationStatement,
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'CLOSE', async (em, c) => {
      const today = todayInShanghai();
      if (dto.closureType === 'WITHDRAWN' && dto.withdrawal?.basis === 'ABSENT_FROM_HEARING') {
        const missed = await this.repo.hearingOfCase(em, id, dto.withdrawal.hearingId!);
        const error = deemedWithdrawalError(missed);
        if (error) throw AppException.validation([error]);
      }
      // 仲裁调解书 (调解仲裁法 第四十二条): the amounts agreed per claim, in force once both parties signed for it.
      const mediatedTotalFen =
        dto.closureType === 'MEDIATED' ? await this.statement.record(em, viewer, c, dto, today) : undefined;
      await this.p.notifyClosed(
        em,
        c,
        dto.closureType === 'MEDIATED' ? 'MEDIATED' : closureNoticeKey(dto.closureType, dto.withdrawal),
        mediatedTotalFen,
        dto.signedOn,
      );
      await this.deadlines.stopAll(em, ARBITRATION_CASE_TYPE, id, today, viewer);
      // Withdrawal and every other closing free the hearing slots the case still holds.
      const freedHearings = await this.repo.cancelOpenHearings(em, id);
      return {
        changes: { closureType: dto.closureType, closedOn: today },
        data: {
          closureType: dto.closureType,
          ...(dto.closureType === 'WITHDRAWN' ? { withdrawal: dto.withdrawal } : {}),
          ...(dto.closureType === 'TERMINATED' ? { reason: dto.reason } : {}),
          freedHearings,
          ...(mediatedTotalFen !== undefined ? { mediatedTotalFen, signedOn: dto.signedOn } : {}),
        },
      };
    });
  }
}
