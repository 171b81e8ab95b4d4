import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { ARBITRATION_PARTY_WINDOWS } from './arbitration.deadline-rules';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ARBITRATION_CASE_TYPE } from './arbitration.constants';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationAwardsRepository } from './arbitration-awards.repository';
import { ArbitrationRepository } from './arbitration.repository';
import { isFinalClaim, minimumWageOn, provinceOf } from './arbitration.rules';
import { partyWindowsOf, splitAwardDocuments, type AwardDocumentKind } from './award-documents.rules';
import type { ArbitrationAward } from './entities/arbitration-award.entity';
import type { ArbitrationCase } from './entities/arbitration-case.entity';

/** One decided claim of an award or a 先行裁决, as the tribunal enters it. */
export interface ClaimDecision {
  claimId: string;
  awardedFen: number;
  reason?: string;
}

/**
 * Award documents (裁决书): deciding claims (一裁终局 per claim), issuing one document per finality (办案规则 第五十条),
 * and serving them — the parties' windows then run on the case's clocks (调解仲裁法 第四十八至五十条).
 */
@Injectable()
export class AwardDocuments {
  constructor(
    private readonly repo: ArbitrationRepository,
    private readonly awards: ArbitrationAwardsRepository,
    private readonly deadlines: DeadlinesService,
    private readonly calendar: CalendarService,
    private readonly p: ArbitrationProceeding,
  ) {}

  /**
   * Decides `decisions` on claims `ids` (the claims this decision must cover, exactly once each): more than claimed
   * needs a reason (400 AWARD_EXCEEDS_CLAIM); 一裁终局 per claim with the minimum wage in force on the application date
   * (调解仲裁法 第四十七条; 409 MINIMUM_WAGE_UNKNOWN without one). Returns each claim's finality and the minimum.
   */
  async decide(
    em: EntityManager,
    c: ArbitrationCase,
    decisions: ClaimDecision[],
  ): Promise<{ decided: { id: string; final: boolean }[]; minimumWageFen: number }> {
    const claims = new Map((await this.repo.claimsOf(em, c.id)).map((x) => [x.id, x]));
    for (const [index, a] of decisions.entries()) {
      const x = claims.get(a.claimId)!;
      if (x.amountFen !== null && a.awardedFen > x.amountFen && !a.reason)
        throw AppException.badRequest('AWARD_EXCEEDS_CLAIM', 'Awarding more than claimed needs a reason', {
          field: `claims.${index}.reason`,
          claimId: x.id,
          amountFen: x.amountFen,
          awardedFen: a.awardedFen,
        });
    }
    const province = provinceOf(c.jurisdictionCode);
    const minimum = minimumWageOn(await this.repo.minimumWages(em, province), province, c.appliedOn);
    if (minimum === null)
      throw AppException.conflict(
        'MINIMUM_WAGE_UNKNOWN',
        'No minimum wage is recorded for the application date',
        {
          province,
          appliedOn: c.appliedOn,
        },
      );
    const decided: { id: string; final: boolean }[] = [];
    for (const a of decisions) {
      const x = claims.get(a.claimId)!;
      const final = isFinalClaim({ type: x.type, awardedFen: a.awardedFen }, minimum);
      decided.push({ id: x.id, final });
      await this.repo.updateClaim(em, x.id, {
        awardedFen: a.awardedFen,
        awardReason: a.reason ?? null,
        final,
      });
    }
    return { decided, minimumWageFen: minimum };
  }

  /** Issues the documents of a decision (two when final and non-final items mix), served today unless `serveLater`. */
  async issue(
    em: EntityManager,
    c: ArbitrationCase,
    kind: AwardDocumentKind,
    decided: { id: string; final: boolean }[],
    today: string,
    serveLater: boolean,
  ): Promise<ArbitrationAward[]> {
    let seq = (await this.awards.awardsOf(em, c.id)).length;
    const docs: ArbitrationAward[] = [];
    for (const plan of splitAwardDocuments(decided)) {
      const doc: ArbitrationAward = {
        id: newId(),
        caseId: c.id,
        seq: ++seq,
        kind,
        final: plan.final,
        claimIds: plan.claimIds,
        issuedOn: today,
        servedOn: null,
        suitDeadline: null,
        setAsideDeadline: null,
        createdAt: new Date(),
      };
      const { createdAt: _createdAt, ...row } = doc;
      await this.awards.insertAward(em, row);
      docs.push(serveLater ? doc : await this.serve(em, c, doc, today));
    }
    return docs;
  }

  /**
   * Service of a document: the suit window (and, for a final document, the employer's set-aside window) start on the
   * case's clocks from the service day — the parties' windows, never a staff duty (ARBITRATION_PARTY_WINDOWS, holder PARTY) — and
   * the worker is told both deadlines.
   */
  async serve(
    em: EntityManager,
    c: ArbitrationCase,
    doc: ArbitrationAward,
    servedOn: string,
  ): Promise<ArbitrationAward> {
    const windows = partyWindowsOf(doc.final);
    const due: Record<string, string> = {};
    for (const ruleId of windows) {
      const rule = ARBITRATION_PARTY_WINDOWS[ruleId];
      due[ruleId] = (await this.calendar.deadline(servedOn, rule.amount, rule.unit, em)).due;
      await this.deadlines.start(em, {
        caseType: ARBITRATION_CASE_TYPE,
        caseId: c.id,
        ruleId,
        start: servedOn,
        jurisdictionCode: c.jurisdictionCode,
      });
    }
    const served = {
      servedOn,
      suitDeadline: due.ARBITRATION_SUIT_WINDOW,
      setAsideDeadline: due.ARBITRATION_SET_ASIDE_WINDOW ?? null,
    };
    await this.awards.updateAward(em, doc.id, served);
    if (doc.final)
      await this.p.notify(em, c, 'ARBITRATION_FINAL_AWARD_ISSUED', `award:${doc.seq}`, {
        suitDeadline: served.suitDeadline,
        setAsideDeadline: served.setAsideDeadline,
      });
    else
      await this.p.notify(em, c, 'ARBITRATION_AWARD_ISSUED', `award:${doc.seq}`, {
        suitDeadline: served.suitDeadline,
      });
    return { ...doc, ...served };
  }
}
