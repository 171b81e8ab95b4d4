import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ARBITRATION_CASE_TYPE } from './arbitration.constants';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import { ARBITRATION_RULES, isFinalClaim, minimumWageOn, provinceOf } from './arbitration.rules';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';

/** The award (裁决): every claim decided, 一裁终局 per claim, the windows that follow. */
@Injectable()
export class ArbitrationAwardsService {
  constructor(
    private readonly repo: ArbitrationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly calendar: CalendarService,
    private readonly p: ArbitrationProceeding,
  ) {}

  /**
   * 裁决: every claim decided; more than claimed needs a reason; 一裁终局 per claim with the minimum wage in force on
   * the application date (调解仲裁法 第四十七条); the 15-day window to sue runs from service (第四十八条、第五十条).
   */
  async award(
    viewer: Principal,
    id: string,
    dto: { version: number; claims: { claimId: string; awardedFen: number; reason?: string }[] },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'AWARD', async (em, c) => {
      await this.p.assertGates(em, c, 'AWARD');
      const claims = await this.repo.claimsOf(em, id);
      const byId = new Map(dto.claims.map((a, i) => [a.claimId, { ...a, index: i }]));
      if (
        byId.size !== dto.claims.length ||
        claims.length !== dto.claims.length ||
        claims.some((x) => !byId.has(x.id))
      )
        throw AppException.validation([
          { field: 'claims', message: 'decide every claim of the case exactly once' },
        ]);
      for (const x of claims) {
        const a = byId.get(x.id)!;
        if (a.awardedFen > x.amountFen && !a.reason)
          throw AppException.badRequest('AWARD_EXCEEDS_CLAIM', 'Awarding more than claimed needs a reason', {
            field: `claims[${a.index}].reason`,
            claimId: x.id,
            amountFen: x.amountFen,
            awardedFen: a.awardedFen,
          });
      }
      const minimum = minimumWageOn(
        await this.repo.minimumWages(em, provinceOf(c.jurisdictionCode)),
        provinceOf(c.jurisdictionCode),
        c.appliedOn,
      );
      if (minimum === null)
        throw AppException.conflict(
          'MINIMUM_WAGE_UNKNOWN',
          'No minimum wage is recorded for the application date',
          {
            province: provinceOf(c.jurisdictionCode),
            appliedOn: c.appliedOn,
          },
        );
      const finals: boolean[] = [];
      for (const x of claims) {
        const a = byId.get(x.id)!;
        const final = isFinalClaim({ type: x.type, awardedFen: a.awardedFen }, minimum);
        finals.push(final);
        await this.repo.updateClaim(em, x.id, {
          awardedFen: a.awardedFen,
          awardReason: a.reason ?? null,
          final,
        });
      }
      const today = todayInShanghai();
      // Counted like the other calendar-day periods: the start day is not counted, a holiday end rolls forward.
      const { due: suitDeadline } = await this.calendar.deadline(
        today,
        ARBITRATION_RULES.SUIT_WINDOW_DAYS,
        'DAY',
        em,
      );
      const finalAward = finals.every(Boolean);
      await this.deadlines.stopAll(em, ARBITRATION_CASE_TYPE, id, today, viewer);
      const freedHearings = await this.repo.cancelOpenHearings(em, id);
      // 调解仲裁法 第四十九条: after a final award the employer may apply to set it aside within 30 days; the worker
      // is told both windows. A non-final award: either party may sue within 15 days (第五十条).
      if (finalAward) {
        const { due: setAsideDeadline } = await this.calendar.deadline(
          today,
          ARBITRATION_RULES.SET_ASIDE_WINDOW_DAYS,
          'DAY',
          em,
        );
        await this.p.notify(em, c, 'ARBITRATION_FINAL_AWARD_ISSUED', 'award', {
          suitDeadline,
          setAsideDeadline,
        });
      } else await this.p.notify(em, c, 'ARBITRATION_AWARD_ISSUED', 'award', { suitDeadline });
      return {
        changes: { closureType: 'AWARD', closedOn: today, finalAward, awardServedOn: today, suitDeadline },
        data: {
          finalAward,
          finalClaims: finals.filter(Boolean).length,
          minimumWageFen: minimum,
          suitDeadline,
          freedHearings,
        },
      };
    });
  }
}
