import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ARBITRATION_RULES } from '../arbitration/arbitration.rules';
import { ArbitrationService } from '../arbitration/arbitration.service';
import type { ArbitrationCaseViewDto } from '../arbitration/dto/arbitration-view.dto';
import { AuditService } from '../audit/audit.service';
import type { ArbitrationCase } from '../arbitration/entities/arbitration-case.entity';
import type { Complaint } from '../complaints/entities/complaint.entity';
import { OrganisationsService } from '../reference/organisations.service';
import type { Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { todayInShanghai } from '../calendar/local-date';
import { CollectiveService } from '../complaints/collective.service';
import { ComplaintsService } from '../complaints/complaints.service';
import { readTogetherEach } from '../database/entity-rows';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService, type ClockView } from '../deadlines/deadlines.service';
import { InspectionCaseFileService, type InspectionStep } from '../inspection/inspection-case-file.service';
import { MediationService, type MediationCaseFile } from '../mediation/mediation.service';
import { INSPECTION_CLOSURE_LABELS } from '../notifications/templates';
import {
  appliesDirectlyFromMediation,
  canEscalate,
  nextStep,
  statusLabel,
  type Proceeding,
} from './case-file-words';
import type {
  MyArbitrationDto,
  MyCaseDto,
  MyCasePageDto,
  MyCasesQueryDto,
  MyCaseSummaryDto,
  MyInspectionDto,
  MyTimelineEntryDto,
} from './dto/my-case.dto';
import { clocksRead, timelineRead } from './case-file-reads';
import { startedLast } from './current-proceeding';
import { namedForWorker } from './deadline-holders';
import { correctionDue, nextActions } from './next-actions';
import { earliestNextDate, hearingAsNextDate, nextHearing } from './next-hearing';
import { labelSuitWindows } from './party-windows';
import { awardUnserved, mediationView } from './proceeding-views';
import { filingDue, onePerPeriod } from './same-period';
import {
  extendedDue,
  nextDeadline,
  plainDeadline,
  provisionalDate,
  shownProvisional,
} from './plain-deadline';

/** The worker's one file: complaint → mediation → arbitration, and inspection, as one story. */
/** What the case file is made of, read for one complaint. */
interface FileRows {
  complaint: Complaint;
  mediationFile: MediationCaseFile;
  arbitrations: ArbitrationCase[];
  inspections: InspectionStep[];
  clocks: { proceeding: string; clock: ClockView }[];
  timeline: MyTimelineEntryDto[];
}

@Injectable()
export class MyCasesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly complaints: ComplaintsService,
    private readonly collective: CollectiveService,
    private readonly mediation: MediationService,
    private readonly arbitration: ArbitrationService,
    private readonly inspection: InspectionCaseFileService,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * The worker's own case files, newest complaint first, a keyset page: each one's current step and next deadline as
   * its file shows them. The page's files are read together (files): four round trips whatever the page's size.
   */
  async list(viewer: Principal, q: MyCasesQueryDto): Promise<MyCasePageDto> {
    const em = this.tx.manager;
    const page = await this.complaints.ownPage(em, viewer, { cursor: q.cursor, limit: q.limit ?? 10 });
    const files = await this.files(em, viewer, page.items);
    const items: MyCaseSummaryDto[] = page.items.map((c, i) => {
      const file = files[i];
      const last = file.timeline.at(-1)?.occurredAt;
      const updated = c.updatedAt.toISOString();
      return {
        complaintId: c.id,
        trackingNo: file.trackingNo,
        currentStep: file.currentStep,
        nextDeadline: file.nextDeadline,
        updatedAt: last && last > updated ? last : updated,
      };
    });
    return { items, nextCursor: page.nextCursor };
  }

  async get(viewer: Principal, complaintId: string): Promise<MyCaseDto> {
    const em = this.tx.manager;
    const complaint = await this.complaints.assertVisible(viewer, complaintId, em);
    return (await this.files(em, viewer, [complaint]))[0];
  }

  /**
   * The files of complaints the viewer may see, in their order. A member of a collective dispute follows the
   * dispute's one case (调解仲裁法 第七条). The complaint is visible to the viewer, so is every case on it or on its
   * dispute: no second check per case. Every complaint's three proceedings in one round trip (readTogetherEach), then
   * every case's clocks (which the proceedings' views take instead of reading their own again) and the timelines in
   * another.
   */
  private async files(
    em: EntityManager,
    viewer: Principal,
    complaints: readonly Complaint[],
  ): Promise<MyCaseDto[]> {
    const proceedings = await readTogetherEach(em, complaints, (c) => [
      this.mediation.caseFileRead(c.id, c.collectiveDisputeId),
      this.arbitration.caseFileRead(c.id, c.collectiveDisputeId),
      this.inspection.stepsOfComplaintRead(c.id),
    ]);
    const read = complaints.map((complaint, i) => {
      const [mediationFile, arbitrations, inspections] = proceedings[i];
      return { complaint, mediationFile, arbitrations, inspections };
    });
    const later = await readTogetherEach(em, read, (f) => [
      clocksRead(this.deadlines, em, f.complaint.id, f.mediationFile.cases, f.arbitrations, f.inspections),
      timelineRead(this.audit, em, f.complaint.id, f.inspections, [
        ...f.mediationFile.cases,
        ...f.arbitrations,
      ]),
    ]);
    const files: MyCaseDto[] = [];
    for (const [i, f] of read.entries()) {
      const [clocks, timeline] = later[i];
      files.push(await this.file(em, viewer, { ...f, clocks, timeline }));
    }
    return files;
  }

  /** One complaint's file, of what `files` read for it. */
  private async file(
    em: EntityManager,
    viewer: Principal,
    { complaint, mediationFile, arbitrations, inspections, clocks, timeline }: FileRows,
  ): Promise<MyCaseDto> {
    const dispute = complaint.collectiveDisputeId;
    const mediations = mediationFile.cases;
    const clocksOf = (id: string) => clocks.filter((c) => c.clock.caseId === id).map((c) => c.clock);
    const lastMediation = mediations.at(-1);
    const mediation = lastMediation
      ? await this.mediation.caseFileView(
          em,
          viewer,
          mediationFile,
          lastMediation,
          clocksOf(lastMediation.id),
        )
      : null;
    const lastArbitration = arbitrations.at(-1);
    const arbitration = lastArbitration
      ? await this.arbitration.caseFileView(em, viewer, lastArbitration, clocksOf(lastArbitration.id))
      : null;
    const lastInspection = inspections.at(-1);
    const inspection = lastInspection
      ? await this.inspectionView(em, lastInspection, clocksOf(lastInspection.id))
      : null;
    const arbitrationView = arbitration
      ? await this.arbitrationView(em, arbitration, clocksOf(arbitration.id))
      : null;
    const mediationClock = clocksOf(lastMediation?.id ?? '').find((c) => c.rule.id === 'MEDIATION');
    const investigationClock = clocksOf(lastInspection?.id ?? '').find(
      (c) => c.rule.id === 'INSPECTION_INVESTIGATION',
    );

    // The step the dispute is at: the proceeding started last (current-proceeding.ts).
    const started = [
      arbitration && { proceeding: 'ARBITRATION' as const, on: arbitration.appliedOn, view: arbitration },
      mediation && {
        proceeding: 'MEDIATION' as const,
        on: mediation.openedOn,
        at: mediation.createdAt,
        view: mediation,
      },
      inspection &&
        lastInspection && {
          proceeding: 'INSPECTION' as const,
          on: lastInspection.openedOn,
          at: lastInspection.openedAt,
          view: inspection,
        },
    ].filter((s) => s !== null);
    const latest = startedLast(started);
    const step: { proceeding: Proceeding; id: string; status: string; caseNo: string | null } = latest
      ? {
          proceeding: latest.proceeding,
          id: latest.view.id,
          status: latest.view.status,
          caseNo: latest.view.caseNo,
        }
      : { proceeding: 'COMPLAINT', id: complaint.id, status: complaint.status, caseNo: null };

    // Routed to mediation and never opened within its 15 days (the mediation sweep's mark on the timeline).
    const mediationNotOpened =
      step.proceeding === 'COMPLAINT' &&
      step.status === 'ROUTED' &&
      timeline.some((e) => e.action === 'MEDIATION_NOT_OPENED');
    const holderId =
      step.proceeding === 'ARBITRATION'
        ? (await this.organisations.serving(em, 'ARBITRATION_COMMISSION', complaint.workplaceStreetCode))?.id
        : step.proceeding === 'INSPECTION'
          ? inspection?.organisation?.id
          : (mediation?.organisationId ?? complaint.routeOrganisationId);
    const holder = holderId ? await this.organisations.byId(em, holderId) : null;
    // Applying for arbitration, from the mediation or directly (a mediation withdrawn, still open — the application
    // ends it — or never opened, an agreement not paid, after an inspection): a collective dispute's application is
    // the group's, so its worker applies only as the escalation and POST /arbitration/cases let them (调解仲裁法
    // 第七条, CollectiveService.workerActsFor); another member is offered neither and told, wherever the next step
    // names arbitration, that its representatives apply.
    const escalatable =
      step.proceeding === 'MEDIATION' &&
      mediation !== null &&
      canEscalate(mediation.status, mediation.agreement?.status ?? null);
    const appliesDirectly =
      mediationNotOpened ||
      (step.proceeding === 'MEDIATION' &&
        mediation !== null &&
        appliesDirectlyFromMediation(mediation.status, mediation.agreement?.status ?? null));
    const groupDispute = escalatable ? mediation.collectiveDisputeId : dispute;
    const byRepresentatives =
      viewer.role === 'WORKER' &&
      groupDispute !== null &&
      !(await this.collective.workerActsFor(em, viewer, groupDispute));

    // A mixed award's two suit windows named by who may sue (party-windows.ts); each period once (same-period.ts).
    const named = new Map(
      labelSuitWindows(clocksOf(lastArbitration?.id ?? ''), arbitration?.awards ?? []).map((c) => [c.id, c]),
    );
    // Each period named by whose it is (deadline-holders.ts): the worker reads no other's duty as their own.
    const shown = onePerPeriod(
      clocks.map((c) => ({ ...c, clock: namedForWorker(named.get(c.clock.id) ?? c.clock) })),
    );
    const next = nextDeadline(shown.map((c) => c.clock));
    // The worker's next date: that deadline, or the next hearing (开庭) if it comes first (next-hearing.ts).
    const hearing = arbitration ? nextHearing(arbitration.hearings, todayInShanghai()) : null;
    const nextDate = earliestNextDate(
      next
        ? {
            kind: 'DEADLINE',
            due: next.due!,
            state: next.state,
            provisional: next.provisional,
            text: plainDeadline(next),
            citation: next.rule.citation,
            startsAt: null,
            place: null,
          }
        : null,
      hearing ? hearingAsNextDate(hearing) : null,
    );
    return {
      complaintId: complaint.id,
      trackingNo: complaint.trackingNo,
      currentStep: { ...step, label: statusLabel(step.proceeding, step.status) },
      nextStep: {
        text: nextStep(step.proceeding, step.status, {
          finalAward: arbitration?.finalAward,
          closureType: arbitration?.closureType,
          rejectionReason: arbitration?.rejectionReason,
          suitDeadline: arbitration?.suitDeadline,
          suitDeadlineProvisional: arbitrationView?.suitDeadlineProvisional,
          awardUnserved: arbitration ? awardUnserved(arbitration) : false,
          mediationExtendedTo: extendedDue(mediationClock),
          mediationExtendedToProvisional: shownProvisional(mediationClock),
          investigationExtendedTo: extendedDue(investigationClock),
          investigationExtendedToProvisional: shownProvisional(investigationClock),
          agreementStatus: mediation?.agreement?.status ?? null,
          appliedByRepresentatives: byRepresentatives,
          courtOptionReason: arbitration?.courtOption?.reason ?? null,
          correctionDueOn: correctionDue(arbitration),
          hearingAhead: arbitration
            ? arbitration.hearings.some((h) => !h.heldAt && !h.postponedAt && !h.cancelledAt)
            : null,
          mediationNotOpened,
          inspectionClosure: inspection?.closureType ?? null,
          mergedIntoCaseNo: inspection?.mergedIntoCaseNo ?? null,
          rectifyDueOn: inspection?.rectifyDueOn ?? null,
          refusalReferTo: inspection?.refusalReferTo ?? null,
          ...filingDue(shown),
          sourceAgreementPayments: arbitration?.sourceAgreementPayments,
        }),
        actions: byRepresentatives
          ? []
          : nextActions(
              escalatable ? mediation : null,
              appliesDirectly,
              step.proceeding === 'ARBITRATION' ? arbitration : null,
            ),
      },
      heldBy: holder ? { organisationId: holder.id, name: holder.name } : null,
      nextDeadline: nextDate,
      deadlines: shown.map(({ proceeding, clock }) => ({
        proceeding,
        rule: clock.rule.id,
        due: clock.due,
        state: clock.state,
        provisional: clock.provisional,
        text: plainDeadline(clock),
      })),
      mediation: mediation ? mediationView(mediation) : null,
      arbitration: arbitrationView,
      inspection,
      timeline,
    };
  }

  /** Each date with whether it may still change, as the deadline list says of the clock it was counted on. */
  private async arbitrationView(
    em: EntityManager,
    a: ArbitrationCaseViewDto,
    clocks: readonly ClockView[],
  ): Promise<MyArbitrationDto> {
    // 调解仲裁法 第四十九条: 用人单位自收到终局裁决书之日起三十日内可以申请撤销 (calendar days, a holiday end rolls on):
    // the served final award document's (a mixed award has one too, 办案规则 第五十条); computed for awards made before
    // documents were recorded.
    const documented = a.awards
      .filter((d) => d.kind === 'AWARD' && d.setAsideDeadline)
      .map((d) => d.setAsideDeadline!)
      .sort()
      .at(-1);
    const setAside = documented
      ? { due: documented, provisional: provisionalDate(clocks, 'ARBITRATION_SET_ASIDE_WINDOW', documented) }
      : a.finalAward && a.awardServedOn
        ? await this.calendar.deadline(a.awardServedOn, ARBITRATION_RULES.SET_ASIDE_WINDOW_DAYS, 'DAY', em)
        : null;
    return {
      id: a.id,
      caseNo: a.caseNo,
      status: a.status,
      label: statusLabel('ARBITRATION', a.status),
      appliedOn: a.appliedOn,
      acceptedOn: a.acceptedOn,
      closedOn: a.closedOn,
      closureType: a.closureType,
      rejectionReason: a.rejectionReason,
      tribunal: a.tribunalMembers,
      hearings: a.hearings
        .filter((h) => !h.cancelledAt)
        .map((h) => ({ startsAt: h.startsAt, room: h.room, postponedAt: h.postponedAt })),
      finalAward: a.finalAward,
      awardServedOn: a.awardServedOn,
      suitDeadline: a.suitDeadline,
      suitDeadlineProvisional:
        a.suitDeadline !== null &&
        (awardUnserved(a) || provisionalDate(clocks, 'ARBITRATION_SUIT_WINDOW', a.suitDeadline)),
      employerSetAsideDeadline: setAside?.due ?? null,
      employerSetAsideDeadlineProvisional: setAside?.provisional ?? false,
    };
  }

  private async inspectionView(
    em: EntityManager,
    s: InspectionStep,
    clocks: readonly ClockView[],
  ): Promise<MyInspectionDto> {
    const org = await this.organisations.byId(em, s.organisationId);
    return {
      id: s.id,
      caseNo: s.caseNo,
      status: s.status,
      label: statusLabel('INSPECTION', s.status),
      organisation: org ? { id: org.id, name: org.name, kind: org.kind } : null,
      receivedOn: s.receivedOn,
      acceptedOn: s.acceptedOn,
      refusedOn: s.refusedOn,
      refusalReasons: s.refusalReasons,
      refusalReferTo: s.refusalReferTo,
      investigationDueOn: s.investigationDueOn,
      // Stored from the investigation clock: provisional when that clock shows it so. rectifyDueOn is the order's own
      // date (责令改正期限), not counted, so never provisional.
      investigationDueOnProvisional: provisionalDate(
        clocks,
        'INSPECTION_INVESTIGATION',
        s.investigationDueOn,
      ),
      rectifyDueOn: s.rectifyDueOn,
      closedOn: s.closedOn,
      closureType: s.closureType,
      closureLabel: s.closureType ? INSPECTION_CLOSURE_LABELS[s.closureType] : null,
      mergedIntoCaseNo: s.mergedIntoCaseNo,
      recoveredFen: s.recoveredFen,
    };
  }
}
