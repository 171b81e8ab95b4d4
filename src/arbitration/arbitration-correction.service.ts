import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { nextByTable } from '../common/versioned-transition';
import { ComplaintsService } from '../complaints/complaints.service';
import { CorrectionClocks, type CorrectionClocksOf } from '../deadlines/correction-clocks';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { newId } from '../common/ids';
import {
  answerErrors,
  ARBITRATION_CORRECTION_PAUSE_REASON,
  ARBITRATION_CORRECTION_RESTART_REASON,
  CORRECTION_BASIS,
  correctionItems,
  correctionRefusal,
  correctionSummary,
  type CorrectionItem,
  type CorrectionRecord,
} from './application-correction.rules';
import { ArbitrationInbox } from './arbitration-inbox';
import { arbitrationNotFound, ArbitrationProceeding, staffScopeCovers } from './arbitration-proceeding';
import { ARBITRATION_CASE_TYPE } from './arbitration.constants';
import { ArbitrationRepository } from './arbitration.repository';
import { claimRow } from './arbitration.rules';
import { ARBITRATION_MACHINE } from './arbitration.state';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import type { ClaimInputDto } from './dto/claim-input.dto';
import type { ArbitrationCase } from './entities/arbitration-case.entity';

const ACCEPTANCE = 'ARBITRATION_ACCEPTANCE' as const;

/** The acceptance period waits for the applicant's 补正 (ARBITRATION_CORRECTION). */
const clocksOf = (c: ArbitrationCase): CorrectionClocksOf => ({
  caseType: ARBITRATION_CASE_TYPE,
  caseId: c.id,
  jurisdictionCode: c.jurisdictionCode,
  waiting: ACCEPTANCE,
  correction: 'ARBITRATION_CORRECTION',
});

/**
 * 补正 of an arbitration application (劳动人事争议仲裁办案规则 第二十九条第四款): the commission tells the applicant
 * once, within five working days of receipt, everything to complete; the acceptance period waits (PAUSE: nothing is
 * decided, neither met nor late, and no staff duty runs) and runs anew, 5 working days, from the day the completed
 * application is received (RESTART; 第三十条: 收到仲裁申请之日起五日内). The rules set the applicant no period and
 * deem nothing withdrawn: the platform shows 10 working days (ARBITRATION_CORRECTION, holder PARTY), a late completion
 * is taken, and an application never completed stays with the commission, which may decide not to accept it
 * (REJECT, 调解仲裁法 第二十九条: the worker may then sue).
 */
@Injectable()
export class ArbitrationCorrectionService {
  constructor(
    private readonly p: ArbitrationProceeding,
    private readonly repo: ArbitrationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly clocks: CorrectionClocks,
    private readonly complaints: ComplaintsService,
    private readonly inbox: ArbitrationInbox,
  ) {}

  /** Staff of the commission ask for the 补正: once, while the acceptance period runs. */
  async request(
    viewer: Principal,
    id: string,
    dto: { version: number; items: CorrectionItem[]; note?: string },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'REQUEST_CORRECTION', async (em, c) => {
      const today = todayInShanghai();
      const acceptance = (await this.deadlines.forCase(ARBITRATION_CASE_TYPE, id, today, em))
        .filter((k) => k.rule.id === ACCEPTANCE)
        .at(-1);
      const refusal = correctionRefusal(c.correction, acceptance, today);
      if (refusal)
        throw AppException.conflict(
          refusal.code,
          refusal.code === 'ARBITRATION_CORRECTION_TOO_LATE'
            ? 'The acceptance period has passed: decide on acceptance'
            : 'The applicant was already told what to complete',
          refusal.code === 'ARBITRATION_CORRECTION_TOO_LATE'
            ? { lastDay: refusal.lastDay, legalBasis: CORRECTION_BASIS }
            : { requestedOn: c.correction?.requestedOn, legalBasis: CORRECTION_BASIS },
        );
      const dueOn = await this.clocks.asked(
        em,
        clocksOf(c),
        today,
        ARBITRATION_CORRECTION_PAUSE_REASON,
        viewer,
      );
      const correction: CorrectionRecord = {
        requestedOn: today,
        dueOn,
        items: correctionItems(dto.items),
        note: dto.note ?? null,
        suppliedOn: null,
        answers: null,
      };
      await this.p.notify(em, c, 'ARBITRATION_CORRECTION_REQUESTED', 'correction-request', {
        items: correctionSummary(correction),
        dueOn,
        legalBasis: CORRECTION_BASIS,
      });
      return {
        changes: { correction },
        data: { items: dto.items, note: correction.note, dueOn, legalBasis: CORRECTION_BASIS },
      };
    });
  }

  /**
   * The applicant (the worker whose complaint the case is on), or staff of the commission taking it at the counter,
   * completes the application: the acceptance period runs anew from today, and the commission is told.
   */
  async supply(
    viewer: Principal,
    id: string,
    dto: { answers: { item: CorrectionItem; text: string }[]; claims?: ClaimInputDto[] },
  ): Promise<ArbitrationCaseViewDto> {
    await this.p.tx.run(async (em) => {
      const c = await this.repo.lockCase(em, id);
      if (!c || !(await this.visible(em, viewer, c))) throw arbitrationNotFound();
      const to = nextByTable('The case', ARBITRATION_MACHINE, c.status, 'SUPPLY_CORRECTION');
      const asked = c.correction!;
      this.assertAnswers(asked, dto);
      const today = todayInShanghai();
      if (dto.claims) await this.replaceClaims(em, c, dto.claims);
      await this.clocks.supplied(em, clocksOf(c), today, ARBITRATION_CORRECTION_RESTART_REASON, viewer);
      const answers = dto.answers.map((a) => ({ item: a.item, text: a.text }));
      await this.repo.updateCase(em, id, {
        status: to,
        correction: { ...asked, suppliedOn: today, answers },
      });
      await this.p.record(em, c.complaintId, id, 'ARBITRATION_SUPPLY_CORRECTION', viewer, {
        fromStatus: c.status,
        toStatus: to,
        items: answers.map((a) => a.item),
        claimsReplaced: dto.claims?.length ?? null,
        acceptanceRestartsOn: today,
        correctionDueOn: asked.dueOn,
        late: today > asked.dueOn,
      });
      await this.inbox.correctionSupplied(em, c);
    });
    return this.p.view(this.p.tx.manager, viewer, (await this.repo.findCase(this.p.tx.manager, id))!);
  }

  /** The worker whose complaint the case is on; staff of the commission (the case's scope). */
  private async visible(em: EntityManager, viewer: Principal, c: ArbitrationCase): Promise<boolean> {
    return viewer.role === 'WORKER'
      ? this.complaints.canSee(viewer, c.complaintId, em)
      : staffScopeCovers(viewer, c);
  }

  /** 400: every item asked answered once, nothing else; the claims given exactly when they were asked. */
  private assertAnswers(
    asked: CorrectionRecord,
    dto: { answers: { item: string }[]; claims?: unknown[] },
  ): void {
    const codes = asked.items.map((i) => i.code);
    const errors = answerErrors(codes, dto.answers).map((e) =>
      e.kind === 'UNANSWERED'
        ? fieldError(
            'answers',
            'correctionUnanswered',
            '请逐项补正通知所列的全部材料',
            'Answer every item asked',
            {
              items: e.items,
            },
          )
        : fieldError(
            e.field,
            e.kind === 'TWICE' ? 'correctionTwice' : 'correctionNotAsked',
            e.kind === 'TWICE' ? '同一项只需补正一次' : '该项不在补正通知所列材料中',
            e.kind === 'TWICE' ? 'Each item is answered once' : 'This item was not asked',
          ),
    );
    const claimsAsked = codes.includes('CLAIMS_AND_GROUNDS');
    if (claimsAsked !== (dto.claims !== undefined))
      errors.push(
        claimsAsked
          ? fieldError(
              'claims',
              'correctionClaims',
              '请列明补正后的全部仲裁请求',
              'Give the claims as completed',
            )
          : fieldError(
              'claims',
              'correctionClaims',
              '补正通知未要求补正仲裁请求',
              'The claims were not asked',
            ),
      );
    if (errors.length) throw AppException.validation(errors);
  }

  /** The applicant's own claims (not a collective dispute's members') replaced by the completed ones. */
  private async replaceClaims(em: EntityManager, c: ArbitrationCase, claims: ClaimInputDto[]): Promise<void> {
    const existing = await this.repo.claimsOf(em, c.id);
    await this.repo.deleteClaims(
      em,
      existing.filter((x) => x.complaintId === null).map((x) => x.id),
    );
    const last = Math.max(0, ...existing.map((x) => x.seq));
    await this.repo.insertClaims(
      em,
      claims.map((x, i) => ({ id: newId(), caseId: c.id, seq: last + i + 1, ...claimRow(x) })),
    );
  }
}
