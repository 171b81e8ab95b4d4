import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { StaffDirectory } from '../staff/staff-directory.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { versionedTransition } from '../common/versioned-transition';
import { CasePartiesViews } from '../complaints/case-parties';
import { ComplaintsService } from '../complaints/complaints.service';
import { TransactionRunner } from '../database/transaction';
import {
  clockEventData,
  DeadlinesService,
  type ClockChange,
  type ClockView,
} from '../deadlines/deadlines.service';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { ARBITRATION_CASE_TYPE, ARBITRATION_SUBJECT } from './arbitration.constants';
import type { closureNoticeKey } from './withdrawal.rules';
import { ArbitrationRepository } from './arbitration.repository';
import { ArbitrationAwardsRepository } from './arbitration-awards.repository';
import { ArbitrationTribunalRepository } from './arbitration-tribunal.repository';
import { recusalView } from './dto/recusal-view.dto';
import { defenceClocks } from './arbitration-hearing.rules';
import { caseWarnings, sourceAgreementPaymentsOf } from './case-warnings';
import {
  allowedActions,
  mayPerform,
  sitsOnTribunal,
  ARBITRATION_MACHINE,
  unmetGate,
  type ArbitrationAction,
  type GateFacts,
} from './arbitration.state';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import type { ArbitrationCase } from './entities/arbitration-case.entity';
import { lastSuitDeadline, windowsAsCounted } from './award-windows.rules';
import type { SmsTemplateId } from '../notifications/templates';

/**
 * Staff scope of an arbitration case: an arbitrator belongs to the commission and sees all of its cases (the
 * commission, not the street, is the scope — 14.2); other staff by the jurisdiction of the complaint's street.
 */
export function staffScopeCovers(
  viewer: Principal,
  c: Pick<ArbitrationCase, 'commissionId' | 'jurisdictionCode'>,
): boolean {
  if (viewer.role === 'ARBITRATOR')
    return c.commissionId !== null
      ? viewer.organisationId === c.commissionId
      : coversJurisdiction(viewer, c.jurisdictionCode);
  return viewer.role !== 'WORKER' && coversJurisdiction(viewer, c.jurisdictionCode);
}

/** The award period's events told to the worker, by clock event. */
const PERIOD_NOTICES: Readonly<Partial<Record<ClockChange['event']['type'], SmsTemplateId>>> = {
  EXTEND: 'ARBITRATION_PERIOD_EXTENDED',
  PAUSE: 'ARBITRATION_PERIOD_PAUSED',
  RESUME: 'ARBITRATION_PERIOD_RESUMED',
};

/** 403: the act is the tribunal's and the viewer does not sit on it. */
export const notOnTribunal = (what: string) =>
  AppException.forbidden('NOT_ON_TRIBUNAL', `Only the case's tribunal performs ${what}`);

export const arbitrationNotFound = () =>
  AppException.notFound('ARBITRATION_CASE_NOT_FOUND', 'No such arbitration case');

/** One step of the proceeding: the changes to the case row and the data of its timeline event. */
export type ProceedingStep = (
  em: EntityManager,
  c: ArbitrationCase,
) => Promise<{ changes: Partial<ArbitrationCase>; data: Record<string, unknown> }>;

/**
 * What every arbitration use case shares: the versioned transition (lock, scope, version, state table, record), the
 * case timeline, party notifications through the outbox, the arbitrator check and the case view.
 */
@Injectable()
export class ArbitrationProceeding {
  constructor(
    readonly tx: TransactionRunner,
    private readonly repo: ArbitrationRepository,
    private readonly awards: ArbitrationAwardsRepository,
    private readonly tribunals: ArbitrationTribunalRepository,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly staff: StaffDirectory,
    private readonly complaints: ComplaintsService,
    private readonly caseParties: CasePartiesViews,
  ) {}

  /**
   * One write of the proceeding through the versioned-transition helper: lock the row, check scope (404), the
   * version the client read (409 STALE_VERSION) and the transition table (409 ILLEGAL_TRANSITION), run the step,
   * bump the version and append the event.
   */
  async transition(
    viewer: Principal,
    id: string,
    version: number,
    action: ArbitrationAction,
    step: ProceedingStep,
  ): Promise<ArbitrationCaseViewDto> {
    await this.tx.run((em) =>
      versionedTransition(
        em,
        {
          what: 'The case',
          lock: (m) => this.repo.lockCase(m, id),
          inScope: (c) => staffScopeCovers(viewer, c),
          notFound: arbitrationNotFound,
          version,
          action,
          machine: ARBITRATION_MACHINE,
        },
        async (c, to) => {
          if (!mayPerform(viewer, action, c.arbitratorIds)) throw notOnTribunal(action);
          const { changes, data } = await step(em, c);
          await this.repo.updateCase(em, id, { ...changes, status: to });
          return data;
        },
        (c, to, data) =>
          this.record(em, c.complaintId, id, `ARBITRATION_${action}`, viewer, {
            ...data,
            fromStatus: c.status,
            toStatus: to,
          }),
      ),
    );
    // Read after commit: the clocks are read through DeadlinesService on its own connection.
    return this.view(this.tx.manager, viewer, (await this.repo.findCase(this.tx.manager, id))!);
  }

  /** The facts the gates of an award or a 调解书 look at (read in the caller's transaction). */
  async gateFacts(em: EntityManager, c: ArbitrationCase): Promise<GateFacts> {
    const [hearings, clocks] = await Promise.all([
      this.repo.hearingsOf(em, c.id),
      this.deadlines.forCase(ARBITRATION_CASE_TYPE, c.id, todayInShanghai(), em),
    ]);
    // The application's answer period and each one a change of the claims started (办案规则 第四十四条).
    const defences = defenceClocks(clocks);
    return {
      hearingHeld: hearings.some((h) => h.heldAt !== null),
      decidedOnPapers: c.decidedOnPapersOn !== null,
      // Each received (the clock stopped), or run out after service (breached while running).
      defenceDone:
        defences.length > 0 &&
        defences.every((k) => k.events.some((e) => e.type === 'STOP') || k.state === 'BREACHED'),
    };
  }

  /** 403 NOT_ON_TRIBUNAL unless the viewer is an arbitrator of the case's tribunal. */
  assertOnTribunal(viewer: Principal, c: Pick<ArbitrationCase, 'arbitratorIds'>, what: string): void {
    if (!sitsOnTribunal(viewer, c.arbitratorIds)) throw notOnTribunal(what);
  }

  /** 409 with the gate's code, its citation and the allowed actions when an award or 调解书 may not be made yet. */
  async assertGates(
    em: EntityManager,
    c: ArbitrationCase,
    action: 'AWARD' | 'CLOSE_MEDIATED',
  ): Promise<void> {
    const facts = await this.gateFacts(em, c);
    const gate = unmetGate(action, facts);
    if (gate)
      throw AppException.conflict(gate.code, gate.message, {
        status: c.status,
        citation: gate.citation,
        facts,
        remedies: gate.remedies.filter((a) => allowedActions(c.status).includes(a)),
        allowed: allowedActions(c.status).filter((a) => a !== 'AWARD'),
      });
  }

  /**
   * The case timeline lives on the complaint's (case_events takes COMPLAINT case types only): arbitration events
   * carry the arbitration case id and the statuses in `data`.
   */
  async record(
    em: EntityManager,
    complaintId: string,
    arbitrationCaseId: string,
    action: string,
    actor: Principal | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.append(em, {
      caseType: 'COMPLAINT',
      caseId: complaintId,
      action,
      actor,
      data: { arbitrationCaseId, ...data },
    });
  }

  /**
   * A clock event entered through the deadlines API: on the complaint's timeline; one of the award period's is told
   * to the worker — an extension with the new last day (调解仲裁法 第四十三条: 延期 … 书面通知当事人), a 中止 with
   * its reason, its end with the last day again.
   */
  async clockChanged(
    em: EntityManager,
    c: ArbitrationCase,
    change: ClockChange,
    actor: Principal,
  ): Promise<void> {
    await this.record(em, c.complaintId, c.id, 'ARBITRATION_CLOCK_EVENT', actor, clockEventData(change));
    const { event } = change;
    const template = PERIOD_NOTICES[event.type];
    if (change.ruleId !== 'ARBITRATION_DECISION' || !template) return;
    const clocks = await this.deadlines.forCase(ARBITRATION_CASE_TYPE, c.id, todayInShanghai(), em);
    const due = clocks.find((k) => k.id === change.clockId)?.due ?? '';
    await this.notify(em, c, template, `period:${change.clockId}:${event.type}:${event.date}`, {
      date: event.date,
      reason: ('reason' in event ? event.reason : '') ?? '',
      due,
    });
  }

  /** A message to the complainant, through the outbox (once per key); 案号 as the employer's (none: 待定, see accept). */
  async notify(
    em: EntityManager,
    c: ArbitrationCase,
    template: SmsTemplateId,
    key: string,
    params: Record<string, string>,
  ): Promise<void> {
    await this.outbox.enqueue(em, JobName.PartyNotify, {
      complaintId: c.complaintId,
      template,
      dedupKey: `arbitration:${c.id}:${key}`,
      params: { caseNo: c.caseNo ?? '待定', ...params },
      toDispute: true, // a collective case's every member (调解仲裁法 第七条)
    });
  }

  /**
   * A message to the employer (the respondent, 被申请人) at its contact phone on record, after commit through the
   * outbox (employer.notify, at most once per key). Filed under the case: with no phone on record, or a number refused
   * for good, its arbitrators are told instead (ArbitrationInbox, undelivered-sms.ts).
   */
  async notifyEmployer(
    em: EntityManager,
    c: ArbitrationCase,
    template: SmsTemplateId,
    key: string,
    params: Record<string, string>,
  ): Promise<void> {
    await this.outbox.enqueue(em, JobName.EmployerNotify, {
      employerId: c.employerId,
      template,
      dedupKey: `arbitration:${c.id}:employer:${key}`,
      params,
      subjectRef: `${ARBITRATION_SUBJECT}:${c.id}`,
    });
  }

  /** The applicant is told how a case ended without an award: the 调解书's amount and signing, or withdrawal / termination. */
  async notifyClosed(
    em: EntityManager,
    c: ArbitrationCase,
    closure: 'MEDIATED' | ReturnType<typeof closureNoticeKey>,
    mediatedTotalFen: number | undefined,
    signedOn?: string,
  ): Promise<void> {
    if (closure === 'MEDIATED')
      await this.notify(
        em,
        c,
        c.collectiveDisputeId ? 'ARBITRATION_MEDIATED_GROUP' : 'ARBITRATION_MEDIATED',
        'mediated',
        {
          totalFen: String(mediatedTotalFen ?? 0),
          signedOn: signedOn!,
        },
      );
    else await this.notify(em, c, 'ARBITRATION_CLOSED_WITHOUT_AWARD', 'closed', { closure });
  }

  /**
   * The case's view, as `viewer` sees it (its parties: case-parties.ts); its clocks, when its caller has read them
   * already (a case file), are not read again.
   */
  async view(
    em: EntityManager,
    viewer: Principal,
    c: ArbitrationCase,
    known?: ClockView[],
  ): Promise<ArbitrationCaseViewDto> {
    const parties = this.repo
      .partiesOf(em, c.id)
      .then((row) => this.caseParties.show(em, viewer, [row], 'arbitration.view'));
    const [
      [shown],
      claims,
      hearings,
      awards,
      executions,
      clocks,
      tribunalMembers,
      members,
      recusals,
      sourcePayments,
    ] = await Promise.all([
      parties,
      this.repo.claimsOf(em, c.id),
      this.repo.hearingsOf(em, c.id),
      this.awards.awardsOf(em, c.id),
      this.awards.provisionalExecutionsOf(em, c.id),
      known ?? this.deadlines.forCase(ARBITRATION_CASE_TYPE, c.id, todayInShanghai(), this.tx.manager),
      this.staff.describeList(em, c.arbitratorIds),
      c.collectiveDisputeId ? this.complaints.disputeMembers(em, c.collectiveDisputeId) : Promise.resolve([]),
      this.tribunals.recusalsOf(em, c.id),
      sourceAgreementPaymentsOf(this.audit, em, c),
    ]);
    const counted = windowsAsCounted(awards, clocks);
    return {
      id: c.id,
      complaintId: c.complaintId,
      ...shown,
      source: c.source,
      sourceMediationCaseId: c.sourceMediationCaseId,
      status: c.status,
      version: c.version,
      jurisdictionCode: c.jurisdictionCode,
      collective: c.collective,
      collectiveDisputeId: c.collectiveDisputeId,
      members,
      courtOption: c.courtOptionReason ? { since: c.courtOptionSince!, reason: c.courtOptionReason } : null,
      tribunal: c.tribunal,
      arbitratorIds: c.arbitratorIds,
      tribunalMembers,
      appliedOn: c.appliedOn,
      acceptedOn: c.acceptedOn,
      rejectionReason: c.rejectionReason,
      closedOn: c.closedOn,
      closureType: c.closureType,
      caseNo: c.caseNo,
      decidedOnPapersOn: c.decidedOnPapersOn,
      papersBasis: c.papersBasis,
      limitation: c.limitation,
      correction: c.correction,
      warnings: caseWarnings(c, hearings, clocks, sourcePayments),
      sourceAgreementPayments: sourcePayments,
      finalAward: c.finalAward,
      awardServedOn: c.awardServedOn,
      // As the clocks count them today (a schedule loaded after service moves them), not as stored on service.
      suitDeadline: lastSuitDeadline(counted, c.suitDeadline),
      claims: claims.map((x) => ({
        id: x.id,
        seq: x.seq,
        type: x.type,
        description: x.description,
        amountFen: x.amountFen,
        awardedFen: x.awardedFen,
        awardReason: x.awardReason,
        final: x.final,
      })),
      hearings: hearings.map((h) => ({
        id: h.id,
        room: h.room,
        startsAt: h.startsAt.toISOString(),
        endsAt: h.endsAt.toISOString(),
        arbitratorIds: h.arbitratorIds,
        postponedAt: h.postponedAt?.toISOString() ?? null,
        replacedBy: h.replacedBy,
        heldAt: h.heldAt?.toISOString() ?? null,
        attendance: h.attendance,
        minutesSummary: h.minutesSummary,
        cancelledAt: h.cancelledAt?.toISOString() ?? null,
        overrideReason: h.overrideReason,
      })),
      awards: counted.map((a) => ({
        id: a.id,
        seq: a.seq,
        documentNo: c.caseNo ? `${c.caseNo}-${a.seq}` : null,
        kind: a.kind,
        final: a.final,
        claimIds: a.claimIds,
        issuedOn: a.issuedOn,
        servedOn: a.servedOn,
        suitDeadline: a.suitDeadline,
        setAsideDeadline: a.setAsideDeadline,
      })),
      provisionalExecutions: executions.map((x) => ({
        id: x.id,
        decidedOn: x.decidedOn,
        claimIds: x.claimIds,
        amountFen: x.amountFen,
        basis: x.basis,
      })),
      recusals: recusals.map(recusalView),
      clocks,
    };
  }
}
