import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationAwardsRepository } from './arbitration-awards.repository';
import { ArbitrationRepository } from './arbitration.repository';
import { AwardDocuments, type ClaimDecision } from './award-documents';
import {
  partialAwardErrors,
  provisionalExecutionErrors,
  provisionalExecutionTotals,
} from './award-documents.rules';
import { caseServiceDay } from './award-windows.rules';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';

/** The tribunal's interim rulings — 先行裁决, 先予执行 — and the later service of an award document. */
@Injectable()
export class ArbitrationInterimService {
  constructor(
    private readonly repo: ArbitrationRepository,
    private readonly awards: ArbitrationAwardsRepository,
    private readonly documents: AwardDocuments,
    private readonly p: ArbitrationProceeding,
  ) {}

  /**
   * 先行裁决 (调解仲裁法 第四十三条第二款: 其中一部分事实已经清楚，可以就该部分先行裁决): some of the undecided claims, not
   * all; the same gates as an award; its own documents (split by finality, 办案规则 第五十条), served today unless
   * `serveLater`. The case stays open; the award later decides the rest.
   */
  async partialAward(
    viewer: Principal,
    id: string,
    dto: { version: number; claims: ClaimDecision[]; serveLater?: boolean },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'PARTIAL_AWARD', async (em, c) => {
      await this.p.assertGates(em, c, 'AWARD');
      const undecided = (await this.repo.claimsOf(em, id)).filter((x) => x.final === null).map((x) => x.id);
      const errors = partialAwardErrors(
        undecided,
        dto.claims.map((a) => a.claimId),
      );
      if (errors.length) throw AppException.validation(errors);
      const { decided, minimumWageFen } = await this.documents.decide(em, c, dto.claims);
      const docs = await this.documents.issue(
        em,
        c,
        'PARTIAL',
        decided,
        todayInShanghai(),
        dto.serveLater ?? false,
      );
      return {
        changes: {},
        data: {
          minimumWageFen,
          documents: docs.map((d) => ({ id: d.id, seq: d.seq, final: d.final, claimIds: d.claimIds })),
        },
      };
    });
  }

  /** Service of a document issued without it: the day lies between its issue and today; once only (409). */
  async serve(
    viewer: Principal,
    id: string,
    awardId: string,
    dto: { version: number; servedOn: string },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'SERVE_AWARD', async (em, c) => {
      const doc = await this.awards.findAward(em, id, awardId);
      if (!doc) throw AppException.notFound('AWARD_NOT_FOUND', 'No such award document of this case');
      if (doc.servedOn)
        throw AppException.conflict('AWARD_ALREADY_SERVED', 'The award document was already served', {
          servedOn: doc.servedOn,
        });
      const today = todayInShanghai();
      if (dto.servedOn < doc.issuedOn || dto.servedOn > today)
        throw AppException.validation([
          fieldError(
            'servedOn',
            'dateRange',
            `须在文书作出日 ${doc.issuedOn} 与今天 ${today} 之间`,
            `between the issue day ${doc.issuedOn} and today ${today}`,
          ),
        ]);
      const served = await this.documents.serve(em, c, doc, dto.servedOn);
      // The case shows the award's service and the last day to sue on it (a 先行裁决 keeps its own on the document):
      // the latest of its documents', never moved back by one served earlier (caseServiceDay).
      const changes =
        doc.kind === 'AWARD'
          ? {
              awardServedOn: caseServiceDay(c.awardServedOn, dto.servedOn),
              suitDeadline: [c.suitDeadline, served.suitDeadline]
                .filter((d): d is string => !!d)
                .sort()
                .at(-1)!,
            }
          : {};
      return {
        changes,
        data: {
          awardId,
          seq: doc.seq,
          servedOn: dto.servedOn,
          suitDeadline: served.suitDeadline,
          setAsideDeadline: served.setAsideDeadline,
        },
      };
    });
  }

  /**
   * 先予执行 (调解仲裁法 第四十四条): on the worker's application, for undecided money claims, when the rights are clear and
   * not executing first would seriously affect the applicant's living; the ruling is transferred to the people's court
   * for execution (移送人民法院执行) — recorded, the transfer itself happens outside the platform.
   */
  async provisionalExecution(
    viewer: Principal,
    id: string,
    dto: {
      version: number;
      claimIds: string[];
      amountFen: number;
      rightsClear: boolean;
      livelihoodAtRisk: boolean;
      basis: string;
    },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'PROVISIONAL_EXECUTION', async (em, c) => {
      const claims = await this.repo.claimsOf(em, id);
      const chosen = claims.filter((x) => dto.claimIds.includes(x.id));
      if (chosen.length !== dto.claimIds.length)
        throw AppException.validation([
          fieldError('claimIds', 'exists', '只能是本案的请求', 'claims of this case only'),
        ]);
      const errors = provisionalExecutionErrors({
        claims: chosen.map((x) => ({ type: x.type, amountFen: x.amountFen, decided: x.final !== null })),
        amountFen: dto.amountFen,
        rightsClear: dto.rightsClear,
        livelihoodAtRisk: dto.livelihoodAtRisk,
      });
      if (errors.length)
        throw AppException.badRequest(
          'PROVISIONAL_EXECUTION_NOT_ALLOWED',
          'The conditions of 先予执行 are not met (调解仲裁法 第四十四条)',
          { errors },
        );
      // Several rulings together advance no more than was claimed (第四十四条); the case is locked by the transition.
      const earlier = await this.awards.provisionalExecutionsOf(em, id);
      const totals = provisionalExecutionTotals(claims, earlier, dto.claimIds);
      if (totals.alreadyOrderedFen + dto.amountFen > totals.claimedFen)
        throw AppException.conflict(
          'PROVISIONAL_EXECUTION_EXCEEDS_CLAIM',
          'Provisional execution may not order more in total than was claimed (调解仲裁法 第四十四条)',
          { ...totals, amountFen: dto.amountFen },
        );
      const row = {
        id: newId(),
        caseId: c.id,
        decidedOn: todayInShanghai(),
        claimIds: dto.claimIds,
        amountFen: dto.amountFen,
        basis: dto.basis,
      };
      await this.awards.insertProvisionalExecution(em, row);
      // The applicant learns the ruling and where it went (the people's court executes it).
      // A collective case's amount is the group's (调解仲裁法 第七条): its members are told it is a total.
      const template = c.collectiveDisputeId
        ? 'ARBITRATION_PROVISIONAL_EXECUTION_GROUP'
        : 'ARBITRATION_PROVISIONAL_EXECUTION';
      await this.p.notify(em, c, template, `provisional:${row.id}`, {
        amountFen: String(dto.amountFen),
      });
      return {
        changes: {},
        data: {
          provisionalExecutionId: row.id,
          claimIds: row.claimIds,
          amountFen: row.amountFen,
          transferToCourt: true,
        },
      };
    });
  }
}
