import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ARBITRATION_CASE_TYPE } from './arbitration.constants';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import { AwardDocuments, type ClaimDecision } from './award-documents';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';

/** The award (裁决): every claim decided, 一裁终局 per claim, one document per finality, the windows that follow. */
@Injectable()
export class ArbitrationAwardsService {
  constructor(
    private readonly repo: ArbitrationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly documents: AwardDocuments,
    private readonly p: ArbitrationProceeding,
  ) {}

  /**
   * 裁决: every claim not decided by a 先行裁决 is decided now; more than claimed needs a reason; 一裁终局 per claim
   * (调解仲裁法 第四十七条); final and non-final items in separate documents (办案规则 第五十条), served today unless
   * `serveLater` — the 15-day suit window and, for a final document, the employer's 30-day set-aside window then run
   * from service on the case's clocks (第四十八至五十条).
   */
  async award(
    viewer: Principal,
    id: string,
    dto: { version: number; claims: ClaimDecision[]; serveLater?: boolean },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'AWARD', async (em, c) => {
      await this.p.assertGates(em, c, 'AWARD');
      const claims = await this.repo.claimsOf(em, id);
      const open = claims.filter((x) => x.final === null).map((x) => x.id);
      const chosen = dto.claims.map((a) => a.claimId);
      if (
        new Set(chosen).size !== chosen.length ||
        chosen.length !== open.length ||
        chosen.some((x) => !open.includes(x))
      )
        throw AppException.validation([
          fieldError(
            'claims',
            'everyClaimOnce',
            '须对每项尚未（由先行裁决）裁决的请求各裁决一次',
            'decide every claim not yet decided (by a 先行裁决) exactly once',
          ),
        ]);
      const { decided, minimumWageFen } = await this.documents.decide(em, c, dto.claims);
      const today = todayInShanghai();
      // The proceeding's own periods end; the parties' windows start with service (documents.serve).
      await this.deadlines.stopAll(em, ARBITRATION_CASE_TYPE, id, today, viewer);
      const freedHearings = await this.repo.cancelOpenHearings(em, id);
      const docs = await this.documents.issue(em, c, 'AWARD', decided, today, dto.serveLater ?? false);
      const everyFinal = [
        ...claims.filter((x) => x.final !== null).map((x) => x.final),
        ...decided.map((d) => d.final),
      ];
      const finalAward = everyFinal.every(Boolean);
      const served = docs.filter((d) => d.servedOn !== null);
      const suitDeadline = served.length
        ? served
            .map((d) => d.suitDeadline!)
            .sort()
            .at(-1)!
        : null;
      return {
        changes: {
          closureType: 'AWARD',
          closedOn: today,
          finalAward,
          awardServedOn: served.length ? today : null,
          suitDeadline,
        },
        data: {
          finalAward,
          finalClaims: decided.filter((d) => d.final).length,
          minimumWageFen,
          suitDeadline,
          documents: docs.map((d) => ({ id: d.id, seq: d.seq, final: d.final, claimIds: d.claimIds })),
          freedHearings,
        },
      };
    });
  }
}
