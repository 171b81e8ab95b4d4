import { Injectable } from '@nestjs/common';
import { colleaguesLink } from '../staff/colleagues';
import { ArbitrationColleagues } from './arbitration-colleagues';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ARBITRATION_CASE_TYPE } from './arbitration.constants';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import { provinceOf, tribunalKindOf } from './arbitration.rules';
import { rowInForce, simplifiedProcedure, type SimplifiedExclusion } from './simplified-procedure.rules';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';

/** Forming the tribunal (组庭, 调解仲裁法 第三十一条、第三十二条). */
@Injectable()
export class ArbitrationTribunalService {
  constructor(
    private readonly repo: ArbitrationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly p: ArbitrationProceeding,
    private readonly colleagues: ArbitrationColleagues,
  ) {}

  /**
   * Sole arbitrator only when the case may be handled simply (办案规则 第五十六条: any one ground; 第五十七条: no
   * exclusion, stated by the caller; 第六十二条第二款: a collective dispute too); otherwise three (调解仲裁法 第三十一条).
   */
  async formTribunal(
    viewer: Principal,
    id: string,
    dto: {
      version: number;
      arbitratorIds: string[];
      factsClear?: boolean;
      partiesAgree?: boolean;
      simplifiedExclusions?: SimplifiedExclusion[];
    },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'FORM_TRIBUNAL', async (em, c) => {
      const kind = tribunalKindOf(dto.arbitratorIds.length);
      if (!kind)
        throw AppException.validation([
          fieldError(
            'arbitratorIds',
            'tribunalSize',
            `仲裁庭由一名或者三名仲裁员组成（调解仲裁法第三十一条）；可指定的仲裁员见 GET ${colleaguesLink('ARBITRATION', id)}`,
            `a tribunal is one arbitrator or three (调解仲裁法 第三十一条); the arbitrators you may name: GET ${colleaguesLink('ARBITRATION', id)}`,
            { colleagues: colleaguesLink('ARBITRATION', id) },
          ),
        ]);
      if (kind === 'SOLE' && dto.simplifiedExclusions === undefined)
        throw AppException.validation([
          fieldError(
            'simplifiedExclusions',
            'isDefined',
            '独任仲裁须核查办案规则第五十七条的除外情形：列出适用的情形（没有则填 []）',
            'a sole arbitrator needs the exclusions of 办案规则 第五十七条 checked: list those that apply ([] for none)',
          ),
        ]);
      await this.colleagues.assertNamed(em, c, dto.arbitratorIds, 'arbitratorIds');
      let simplified: Record<string, unknown> = {};
      if (kind === 'SOLE') {
        const claims = await this.repo.claimsOf(em, id);
        const province = provinceOf(c.jurisdictionCode);
        const wage = rowInForce(await this.repo.averageWages(em, province), province, c.appliedOn);
        const facts = {
          factsClear: dto.factsClear ?? false,
          partiesAgree: dto.partiesAgree ?? false,
          totalClaimFen: claims.reduce((s, x) => s + (x.amountFen ?? 0), 0),
          averageAnnualWageFen: wage?.annualFen ?? null,
          exclusions: dto.simplifiedExclusions ?? [],
        };
        const answer = simplifiedProcedure(facts);
        const details = { ...facts, averageWageYear: wage?.referenceYear ?? null, ...answer };
        if (answer.excludedBy.length > 0)
          throw AppException.conflict(
            'SIMPLIFIED_PROCEDURE_EXCLUDED',
            'The case may not be handled simply (办案规则 第五十七条): it needs three arbitrators',
            details,
          );
        if (!answer.allowed)
          throw AppException.badRequest(
            'SOLE_ARBITRATOR_NOT_ELIGIBLE',
            'A sole arbitrator needs clear facts, an amount within the average annual wage, or both parties’ consent',
            details,
          );
        simplified = {
          simplified: {
            grounds: answer.grounds,
            exclusionsChecked: facts.exclusions,
            averageAnnualWageFen: facts.averageAnnualWageFen,
            averageWageYear: wage?.referenceYear ?? null,
          },
        };
      }
      // The parties are told the composition in writing (第三十二条): the notice clock stops.
      await this.deadlines.stopRule(
        em,
        ARBITRATION_CASE_TYPE,
        id,
        'ARBITRATION_TRIBUNAL_NOTICE',
        todayInShanghai(),
        viewer,
      );
      // Both parties (第三十二条: 书面通知当事人): the worker, and the employer (被申请人) at its phone on record.
      const tribunal = kind === 'SOLE' ? '独任仲裁员' : '三名仲裁员';
      await this.p.notify(em, c, 'ARBITRATION_TRIBUNAL_FORMED', 'tribunal', { tribunal });
      await this.p.notifyEmployer(em, c, 'ARBITRATION_TRIBUNAL_FORMED_EMPLOYER', 'tribunal', {
        caseNo: c.caseNo ?? '待定',
        tribunal,
      });
      return {
        changes: { tribunal: kind, arbitratorIds: dto.arbitratorIds },
        data: { tribunal: kind, arbitratorIds: dto.arbitratorIds, ...simplified },
      };
    });
  }

  /**
   * 书面审理: the tribunal records that it decides on the papers, and why. Allowed only in a case handled simply by a
   * sole arbitrator (办案规则 简易处理, 第五十六条起; platform reading, see docs/legal-rules.md); the award then
   * needs no hearing (ARBITRATION_GATES).
   */
  async decideOnPapers(
    viewer: Principal,
    id: string,
    dto: { version: number; basis: string },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'DECIDE_ON_PAPERS', (_em, c) => {
      if (c.tribunal !== 'SOLE')
        throw AppException.conflict(
          'PAPERS_DECISION_NOT_ALLOWED',
          'Only a case handled simply by a sole arbitrator may be decided on the papers',
          { tribunal: c.tribunal, allowed: ['SCHEDULE_HEARING'] },
        );
      const today = todayInShanghai();
      return Promise.resolve({
        changes: { decidedOnPapersOn: today, papersBasis: dto.basis },
        data: { decidedOnPapersOn: today, basis: dto.basis },
      });
    });
  }
}
