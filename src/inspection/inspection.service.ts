import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, type CaseEventView } from '../audit/audit.service';
import { ComplianceService } from '../compliance/compliance.service';
import { OrganisationsService } from '../reference/organisations.service';
import { UsersService } from '../auth/users.service';
import { StaffDirectory } from '../staff/staff-directory.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { computeDeadline } from '../calendar/deadline-engine';
import { DEADLINE_RULES } from '../calendar/deadline-rules';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { formatTrackingNumber } from '../common/tracking-number';
import { ComplaintsService } from '../complaints/complaints.service';
import { TransactionRunner } from '../database/transaction';
import { type ClockChange, clockEventData, DeadlinesService } from '../deadlines/deadlines.service';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { EmployersService } from '../reference/employers.service';
import type {
  InspectionCasePageDto,
  InspectionCaseViewDto,
  InspectionDocumentViewDto,
  InspectionQueryDto,
} from './dto/inspection.dto';
import type { InspectionCase } from './entities';
import {
  CASE_NO_PREFIX,
  INSPECTION_CASE_TYPE,
  OPEN_STATUSES,
  type DocumentKind,
} from './inspection.constants';
import { documentNumber, EMPLOYER_FACING, renderDocument, type DocumentFacts } from './inspection.documents';
import { InspectionNotices } from './inspection-notices';
import { InspectionRepository } from './inspection.repository';
import {
  acceptanceDecision,
  REFUSAL_REASONS,
  violationFactsOf,
  type RefusalReason,
} from './inspection.rules';
import { allowedActions, nextStatus, type InspectionAction } from './inspection.state';
import { WageCrimeService } from './wage-crime.service';
import type { SmsTemplateId } from '../notifications/templates';
import { investigationTeamError } from './inspection-duties.rules';

export const inspectionNotFound = () =>
  AppException.notFound('INSPECTION_CASE_NOT_FOUND', 'No such inspection case');

/** What a step of the case changes, records on the timeline, and (optionally) issues as a document. */
export interface StepResult {
  changes: Partial<InspectionCase>;
  data: Record<string, unknown>;
  document?: DocumentFacts;
  /** An SMS to the complainant of a 投诉 (party.notify through the outbox): template and parameters, no personal data. */
  notify?: { template: SmsTemplateId; params: Record<string, string> };
}

/** The inspection case: opening, the acceptance decision, every later step as one transaction, and the views. */
@Injectable()
export class InspectionService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: InspectionRepository,
    private readonly complaints: ComplaintsService,
    private readonly organisations: OrganisationsService,
    private readonly employers: EmployersService,
    private readonly deadlines: DeadlinesService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly wageCrime: WageCrimeService,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
    private readonly compliance: ComplianceService,
    private readonly staff: StaffDirectory,
    private readonly notices: InspectionNotices,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerOwner(INSPECTION_CASE_TYPE, {
      lock: (em, caseId) => this.repo.lockCase(em, caseId),
      changed: (em, c, change, actor) => this.clockChanged(em, c, change, actor),
    });
  }

  /**
   * A clock event entered through the deadlines API (a pause, resumption or extension of the investigation period,
   * 劳动保障监察条例 第十七条) on case `c` (locked before the clock): the deadline the case carries
   * (investigation_due_on, which the KPIs and the at-risk list read) follows the clock in the same transaction, and
   * the case's timeline records the event. While the clock is paused its due date is unknown and the case keeps the
   * last one (as a write of the case does).
   */
  private async clockChanged(
    em: EntityManager,
    c: InspectionCase,
    change: ClockChange,
    actor: Principal,
  ): Promise<void> {
    if (change.ruleId !== 'INSPECTION_INVESTIGATION' || !c.acceptedOn || !OPEN_STATUSES.includes(c.status))
      return;
    const clock = await this.investigationClock(em, c);
    const moved = !!clock?.due && (clock.due !== c.investigationDueOn || clock.extendedBy !== c.extendedDays);
    if (moved)
      await this.repo.updateCase(em, c.id, { investigationDueOn: clock.due, extendedDays: clock.extendedBy });
    await this.record(em, c.id, 'INSPECTION_CLOCK_EVENT', actor, c.status, c.status, {
      ...clockEventData(change),
      previousDueOn: c.investigationDueOn,
      investigationDueOn: moved ? clock.due : c.investigationDueOn,
    });
  }

  /** Inspectors must be active INSPECTOR accounts (400 otherwise). */
  private async assertInspectors(em: EntityManager, ids: readonly string[], field: string): Promise<void> {
    for (const uid of ids) {
      const u = await this.users.findById(em, uid);
      if (!u || u.role !== 'INSPECTOR' || !u.active)
        throw AppException.validation([{ field, message: `${uid} is not an inspector` }]);
    }
  }

  /**
   * Opens a case for a complaint (投诉) or report (举报) routed to INSPECTION, in the caller's transaction, and starts
   * the 5-working-day acceptance clock from the complaint's receipt (若干规定 第十八条). `organisationId` is the
   * brigade deciding (default: the one the complaint was routed to); `receivedOn` defaults to the complaint's.
   */
  async openFromComplaint(
    em: EntityManager,
    input: { complaintId: string; organisationId?: string; receivedOn?: string },
    actor: Principal | null,
  ): Promise<string> {
    const proceeding = await this.complaints.lockForProceeding(em, input.complaintId);
    if (!proceeding) throw AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint');
    const { complaint } = proceeding;
    if (complaint.status !== 'ROUTED' || complaint.routeTarget !== 'INSPECTION')
      throw AppException.conflict(
        'COMPLAINT_NOT_ROUTED_TO_INSPECTION',
        'Only a complaint routed to inspection can become an inspection case',
        { status: complaint.status, routeTarget: complaint.routeTarget },
      );
    const organisationId = input.organisationId ?? complaint.routeOrganisationId!;
    const org = await this.organisations.byId(em, organisationId);
    if (!org || org.kind !== 'INSPECTION_BRIGADE')
      throw AppException.validation([
        { field: 'organisationId', message: 'organisationId must be an inspection brigade' },
      ]);
    await this.repo.lockComplaint(em, complaint.id);
    const existing = await this.repo.liveCaseOfComplaint(em, complaint.id);
    if (existing)
      throw AppException.conflict('INSPECTION_CASE_EXISTS', 'The complaint already has an inspection case', {
        inspectionCaseId: existing,
      });
    const receivedOn = input.receivedOn ?? complaint.receivedOn;
    const cal = await this.calendar.calendar(em);
    const id = newId();
    await this.repo.insertCase(em, {
      id,
      caseNo: await this.nextCaseNo(em, receivedOn),
      source: complaint.kind,
      complaintId: complaint.id,
      employerId: complaint.employerId,
      jurisdictionCode: complaint.workplaceStreetCode,
      organisationId: org.id,
      status: 'RECEIVED',
      receivedOn,
      acceptanceDueOn: cal.addWorkingDays(receivedOn, DEADLINE_RULES.INSPECTION_ACCEPTANCE.amount).date,
      massIncident: false,
    });
    await this.deadlines.start(em, {
      caseType: INSPECTION_CASE_TYPE,
      caseId: id,
      ruleId: 'INSPECTION_ACCEPTANCE',
      start: receivedOn,
      jurisdictionCode: complaint.workplaceStreetCode,
    });
    await this.record(em, id, 'INSPECTION_RECEIVED', actor, null, 'RECEIVED', {
      source: complaint.kind,
      complaintId: complaint.id,
      organisationId: org.id,
    });
    await this.rescore(em, complaint.employerId);
    return id;
  }

  /**
   * A case of the 双随机 plan: inspecting a drawn employer is an investigation from the start (监察条例 第十四条:
   * 日常巡视检查 … 需要进行调查处理的，应当及时立案), so it opens in INVESTIGATING on `on` (default today) with the
   * 60-working-day clock. The brigade is the one serving the street.
   */
  async openPlanned(
    em: EntityManager,
    input: {
      planId: string;
      employerId: string;
      jurisdictionCode: string;
      inspectorIds: string[];
      on?: string;
    },
    actor: Principal | null,
  ): Promise<string> {
    const org = await this.organisations.serving(em, 'INSPECTION_BRIGADE', input.jurisdictionCode);
    if (!org)
      throw AppException.validation([
        { field: 'jurisdictionCode', message: `no inspection brigade serves ${input.jurisdictionCode}` },
      ]);
    const team = investigationTeamError(input.inspectorIds);
    if (team) throw AppException.badRequest('TOO_FEW_INSPECTORS', team, { field: 'inspectorIds' });
    await this.assertInspectors(em, input.inspectorIds, 'inspectorIds');
    const on = input.on ?? todayInShanghai();
    const id = newId();
    await this.repo.insertCase(em, {
      id,
      caseNo: await this.nextCaseNo(em, on),
      source: 'PLAN',
      planId: input.planId,
      employerId: input.employerId,
      jurisdictionCode: input.jurisdictionCode,
      organisationId: org.id,
      status: 'INVESTIGATING',
      receivedOn: on,
      acceptanceDueOn: on,
      acceptedOn: on,
      investigationDueOn: await this.investigationDue(em, on),
      assignedInspectorIds: input.inspectorIds,
    });
    await this.startInvestigation(em, id, input.jurisdictionCode, on);
    await this.record(em, id, 'INSPECTION_OPENED_BY_PLAN', actor, null, 'INVESTIGATING', {
      planId: input.planId,
      organisationId: org.id,
    });
    await this.rescore(em, input.employerId);
    return id;
  }

  /** POST /cases: staff who can see the routed complaint open its inspection case. */
  async create(
    viewer: Principal,
    dto: { complaintId: string; organisationId?: string },
  ): Promise<InspectionCaseViewDto> {
    const id = await this.tx.run(async (em) => {
      await this.complaints.assertVisible(viewer, dto.complaintId, em);
      return this.openFromComplaint(em, dto, viewer);
    });
    return this.get(viewer, id);
  }

  /**
   * 受理 and 立案 the same day when the conditions hold (若干规定 第十八条; 监察条例 第二十条), else a written refusal
   * listing every failed condition. Either way a result, never an error: the status says which.
   */
  async decide(
    viewer: Principal,
    id: string,
    dto: { version: number; violationEndedOn: string | null; inspectorIds?: string[]; on?: string },
  ): Promise<InspectionCaseViewDto> {
    const facts = await this.tx.run(async (em) => {
      const c = await this.repo.findCase(em, id);
      if (!c || !coversJurisdiction(viewer, c.jurisdictionCode)) throw inspectionNotFound();
      const org = await this.organisations.byId(em, c.organisationId);
      return acceptanceDecision({
        receivedOn: c.receivedOn,
        violationEndedOn: dto.violationEndedOn,
        employerId: c.employerId,
        jurisdictionCode: c.jurisdictionCode,
        brigadeJurisdictionCode: org?.jurisdictionCode ?? '',
      });
    });
    if (!facts.accept)
      return this.refuseWith(viewer, id, dto.version, {
        reasons: facts.reasons.map((r) => r.code),
        note: null,
        violationEndedOn: dto.violationEndedOn,
        on: dto.on,
      });
    return this.transition(viewer, id, dto.version, 'ACCEPT', dto.on, async (em, c, on) => {
      await this.deadlines.stopAll(em, INSPECTION_CASE_TYPE, id, on, viewer);
      await this.startInvestigation(em, id, c.jurisdictionCode, on);
      const inspectors = dto.inspectorIds ?? (viewer.role === 'INSPECTOR' ? [viewer.userId] : []);
      await this.assertInspectors(em, inspectors, 'inspectorIds');
      return {
        changes: {
          acceptedOn: on,
          violationEndedOn: dto.violationEndedOn,
          investigationDueOn: await this.investigationDue(em, on),
          assignedInspectorIds: inspectors,
        },
        data: { acceptedOn: on, lookbackEndsOn: facts.lookbackEndsOn, inspectors: inspectors.length },
        notify: { template: 'INSPECTION_ACCEPTED', params: { acceptedOn: on } },
      };
    });
  }

  /** 不予受理 for a reason staff establish (e.g. already in arbitration), in writing with the reason. */
  refuse(
    viewer: Principal,
    id: string,
    dto: { version: number; reason: RefusalReason; note?: string; on?: string },
  ): Promise<InspectionCaseViewDto> {
    return this.refuseWith(viewer, id, dto.version, {
      reasons: [dto.reason],
      note: dto.note ?? null,
      violationEndedOn: null,
      on: dto.on,
    });
  }

  private refuseWith(
    viewer: Principal,
    id: string,
    version: number,
    r: { reasons: RefusalReason[]; note: string | null; violationEndedOn: string | null; on?: string },
  ): Promise<InspectionCaseViewDto> {
    return this.transition(viewer, id, version, 'REFUSE', r.on, async (em, c, on) => {
      await this.deadlines.stopAll(em, INSPECTION_CASE_TYPE, id, on, viewer);
      return {
        changes: {
          refusedOn: on,
          refusalReasons: r.reasons,
          refusalText: r.note,
          violationEndedOn: r.violationEndedOn,
        },
        data: { reasons: r.reasons },
        // 若干规定 第十八条: the refusal is told to the complainant with its reason.
        notify: {
          template: 'INSPECTION_REFUSED',
          params: { reason: r.reasons.map((x) => REFUSAL_REASONS[x]).join('；') },
        },
        document: {
          kind: 'REFUSAL_NOTICE',
          addressee: c.source === 'REPORT' ? '举报人' : '投诉人',
          reasons: r.reasons.map((x) => REFUSAL_REASONS[x]),
          note: r.note,
        },
      };
    });
  }

  /** The case, for staff of its street and for the complainant of a 投诉 (status only); else 404. */
  async get(viewer: Principal, id: string): Promise<InspectionCaseViewDto> {
    const em = this.tx.manager;
    const c = await this.visible(em, viewer, id);
    return this.view(em, c, viewer.role !== 'WORKER');
  }

  /** Staff: the cases of their jurisdictions, newest first (summaries). */
  async list(viewer: Principal, q: InspectionQueryDto): Promise<InspectionCasePageDto> {
    const assigneeUserId = q.assignee === 'me' ? viewer.userId : undefined;
    const page = await this.repo.list(this.tx.manager, viewer.jurisdictions, { ...q, assigneeUserId });
    return {
      items: page.items.map((c) => ({
        id: c.id,
        caseNo: c.caseNo,
        source: c.source,
        status: c.status,
        jurisdictionCode: c.jurisdictionCode,
        employerId: c.employerId,
        receivedOn: c.receivedOn,
        acceptanceDueOn: c.acceptanceDueOn,
        acceptedOn: c.acceptedOn,
        investigationDueOn: c.investigationDueOn,
        closedOn: c.closedOn,
        closureType: c.closureType,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async events(viewer: Principal, id: string): Promise<CaseEventView[]> {
    if (viewer.role === 'WORKER') throw inspectionNotFound();
    await this.visible(this.tx.manager, viewer, id);
    return this.audit.timeline(this.tx.manager, INSPECTION_CASE_TYPE, id);
  }

  /** A document as issued (staff only). */
  async document(viewer: Principal, id: string, documentId: string): Promise<InspectionDocumentViewDto> {
    const em = this.tx.manager;
    if (viewer.role === 'WORKER') throw inspectionNotFound();
    await this.visible(em, viewer, id);
    const d = await this.repo.documentOfCase(em, id, documentId);
    if (!d) throw AppException.notFound('INSPECTION_DOCUMENT_NOT_FOUND', 'No such document of this case');
    return {
      id: d.id,
      caseId: d.caseId,
      kind: d.kind,
      docNo: d.docNo,
      issuedOn: d.issuedOn,
      employerFacing: d.employerFacing,
      text: d.body,
      data: d.data,
    };
  }

  private async visible(em: EntityManager, viewer: Principal, id: string): Promise<InspectionCase> {
    const c = await this.repo.findCase(em, id);
    if (!c) throw inspectionNotFound();
    if (viewer.role === 'WORKER') {
      // Only the worker's own 投诉: a 举报 has no complainant to show it to.
      if (
        c.source !== 'COMPLAINT' ||
        !c.complaintId ||
        !(await this.complaints.canSee(viewer, c.complaintId, em))
      )
        throw inspectionNotFound();
      return c;
    }
    if (!coversJurisdiction(viewer, c.jurisdictionCode)) throw inspectionNotFound();
    return c;
  }

  /**
   * One write of the case: lock the row, check scope (404), the version the client read (409 STALE_VERSION), the
   * action date (not in the future, not before receipt) and the transition table (409 ILLEGAL_TRANSITION); run the
   * step, issue its document, bump the version and append the event with the document's number.
   */
  async transition(
    viewer: Principal,
    id: string,
    version: number,
    action: InspectionAction,
    onInput: string | undefined,
    step: (em: EntityManager, c: InspectionCase, on: string) => Promise<StepResult>,
  ): Promise<InspectionCaseViewDto> {
    await this.tx.run(async (em) => {
      const c = await this.repo.lockCase(em, id);
      if (!c || !coversJurisdiction(viewer, c.jurisdictionCode)) throw inspectionNotFound();
      if (c.version !== version)
        throw AppException.conflict('STALE_VERSION', 'The case changed since it was read', {
          version: c.version,
        });
      const to = nextStatus(c.status, action);
      if (!to)
        throw AppException.conflict(
          'ILLEGAL_TRANSITION',
          `A case in status ${c.status} does not allow ${action}`,
          { status: c.status, allowed: allowedActions(c.status) },
        );
      const on = onInput ?? todayInShanghai();
      const earliest = c.acceptedOn ?? c.receivedOn;
      if (on > todayInShanghai() || on < earliest)
        throw AppException.validation([
          { field: 'on', message: `on must lie between ${earliest} and today (Asia/Shanghai)` },
        ]);
      const { changes, data, document, notify } = await step(em, c, on);
      const doc = document ? await this.issue(em, c, document, on) : null;
      // Keep investigation_due_on and extended_days true to the clock (clockChanged already follows the clock
      // events entered through the deadlines API; this also mends a copy older than that).
      if (c.acceptedOn && OPEN_STATUSES.includes(to) && changes.investigationDueOn === undefined) {
        const clock = await this.investigationClock(em, c);
        if (clock?.due)
          Object.assign(changes, { investigationDueOn: clock.due, extendedDays: clock.extendedBy });
      }
      await this.repo.updateCase(em, id, { ...changes, status: to });
      if (to === 'CLOSED') await this.registerViolation(em, { ...c, ...changes }, on, viewer);
      if (notify) await this.notices.tell(em, c, action, notify);
      await this.record(em, id, `INSPECTION_${action}`, viewer, c.status, to, {
        ...data,
        on,
        ...(doc ? { documentId: doc.id, docNo: doc.docNo, documentKind: document!.kind } : {}),
      });
      await this.rescore(em, c.employerId);
    });
    this.outbox.notifyCommitted();
    return this.get(viewer, id);
  }

  /**
   * The investigation deadline a closing judges the case by, read after the closing stopped the clocks: a pause
   * still open ends on the closing date and its days are not counted (劳动保障监察条例 第十七条 period), so a case
   * closed while paused is judged by the deadline the pause moved, not the one it had before.
   */
  async closingDue(em: EntityManager, c: InspectionCase): Promise<string | null> {
    return (await this.investigationClock(em, c))?.due ?? c.investigationDueOn;
  }

  /**
   * The investigation clock's due date and extension, recomputed by the deadline engine from its events as this
   * transaction sees them (its own appended events included); null without a clock, due null while paused.
   */
  async investigationClock(
    em: EntityManager,
    c: InspectionCase,
  ): Promise<{ id: string; due: string | null; extendedBy: number } | null> {
    const clock = (await this.deadlines.forCase(INSPECTION_CASE_TYPE, c.id, todayInShanghai(), em)).find(
      (k) => k.rule.id === 'INSPECTION_INVESTIGATION',
    );
    if (!clock) return null;
    const r = computeDeadline(
      DEADLINE_RULES.INSPECTION_INVESTIGATION,
      clock.start,
      clock.events,
      await this.calendar.calendar(em),
      todayInShanghai(),
    );
    return { id: clock.id, due: r.due, extendedBy: r.extendedBy };
  }

  /** Early warning: a case event rescores the employer (risk.rescore-employer, deduplicated per employer). */
  private async rescore(em: EntityManager, employerId: string | null): Promise<void> {
    if (employerId) await this.outbox.enqueue(em, JobName.RiskRescoreEmployer, { employerId });
  }

  /** Numbers, renders and stores a document of the case. */
  private async issue(
    em: EntityManager,
    c: InspectionCase,
    facts: DocumentFacts,
    on: string,
  ): Promise<{ id: string; docNo: string }> {
    const kind: DocumentKind = facts.kind;
    const year = Number(on.slice(0, 4));
    const docNo = documentNumber(kind, year, await this.repo.nextSeq(em, `DOC:${kind}`, year));
    const employer = c.employerId ? (await this.employers.byIds(em, [c.employerId])).get(c.employerId) : null;
    const org = await this.organisations.byId(em, c.organisationId);
    const body = renderDocument(
      {
        caseNo: c.caseNo,
        docNo,
        issuedOn: on,
        brigade: org?.name ?? '劳动保障监察大队',
        employerName: employer?.name ?? '（用人单位不明）',
      },
      facts,
    );
    const { kind: _k, ...data } = facts;
    const id = newId();
    await this.repo.insertDocument(em, {
      id,
      caseId: c.id,
      kind,
      docNo,
      issuedOn: on,
      employerFacing: EMPLOYER_FACING[kind],
      body,
      data,
    });
    return { id, docNo };
  }

  /** accepted_on + 60 working days, by the deadline engine (a new clock: no events yet). */
  async investigationDue(em: EntityManager, acceptedOn: string): Promise<string> {
    const r = computeDeadline(
      DEADLINE_RULES.INSPECTION_INVESTIGATION,
      acceptedOn,
      [],
      await this.calendar.calendar(em),
      acceptedOn,
    );
    return r.due!;
  }

  private async startInvestigation(em: EntityManager, id: string, street: string, on: string): Promise<void> {
    await this.deadlines.start(em, {
      caseType: INSPECTION_CASE_TYPE,
      caseId: id,
      ruleId: 'INSPECTION_INVESTIGATION',
      start: on,
      jurisdictionCode: street,
    });
  }

  private async nextCaseNo(em: EntityManager, on: string): Promise<string> {
    const year = Number(on.slice(0, 4));
    return formatTrackingNumber(CASE_NO_PREFIX, year, await this.repo.nextSeq(em, 'CASE', year));
  }

  private async record(
    em: EntityManager,
    id: string,
    action: string,
    actor: Principal | null,
    fromStatus: string | null,
    toStatus: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.append(em, {
      caseType: INSPECTION_CASE_TYPE,
      caseId: id,
      action,
      actor,
      fromStatus,
      toStatus,
      data,
    });
  }

  /** Outstanding wages and the figure in force today (the case's province). */
  /**
   * A case closed with a violation found enters the employer's violation history (劳动保障守法诚信等级评价办法), in the
   * closing transaction, with the facts the grade, the blacklist and the public list read.
   */
  private async registerViolation(
    em: EntityManager,
    c: InspectionCase,
    on: string,
    actor: Principal,
  ): Promise<void> {
    if (!c.violationFound || !c.employerId) return;
    const complaint = c.complaintId ? await this.complaints.forProceeding(em, c.complaintId) : null;
    const wageCrime = await this.assessCase(em, c, on);
    const facts = violationFactsOf(c, complaint?.complaint.category ?? null, wageCrime.meets);
    await this.compliance.recordViolation(
      em,
      {
        employerId: c.employerId,
        jurisdictionCode: c.jurisdictionCode,
        sourceType: 'INSPECTION',
        sourceId: c.id,
        foundOn: on,
        ...facts,
        handling: `${c.caseNo} ${c.closureType}`,
      },
      actor,
    );
  }

  assessCase(em: EntityManager, c: InspectionCase, on = todayInShanghai()) {
    return this.wageCrime.assess(em, {
      provinceCode: c.jurisdictionCode.slice(0, 2),
      on,
      workers: c.workersAffected,
      arrearsFen: Math.max(0, c.arrearsFen - c.recoveredFen),
      monthsUnpaid: c.monthsUnpaid,
    });
  }

  private async view(em: EntityManager, c: InspectionCase, staff: boolean): Promise<InspectionCaseViewDto> {
    const [documents, recoveries, clocks, wageCrime, employers, inspectors] = await Promise.all([
      staff ? this.repo.documentsOf(em, c.id) : Promise.resolve([]),
      staff ? this.repo.recoveriesOf(em, c.id) : Promise.resolve([]),
      staff ? this.deadlines.forCase(INSPECTION_CASE_TYPE, c.id) : Promise.resolve([]),
      // A closed case is assessed as on its closing day (the figure then in force).
      this.assessCase(em, c, c.closedOn ?? undefined),
      this.employers.byIds(em, c.employerId ? [c.employerId] : []),
      this.staff.describeList(em, c.assignedInspectorIds),
    ]);
    const employer = c.employerId ? employers.get(c.employerId) : undefined;
    return {
      id: c.id,
      caseNo: c.caseNo,
      source: c.source,
      complaintId: c.complaintId,
      planId: c.planId,
      employer: employer ? { id: employer.id, name: employer.name } : null,
      jurisdictionCode: c.jurisdictionCode,
      organisationId: c.organisationId,
      status: c.status,
      version: c.version,
      receivedOn: c.receivedOn,
      acceptanceDueOn: c.acceptanceDueOn,
      acceptedOn: c.acceptedOn,
      refusedOn: c.refusedOn,
      refusal: c.refusalReasons
        ? {
            reasons: c.refusalReasons.map((code) => ({ code, text: REFUSAL_REASONS[code] })),
            note: c.refusalText,
          }
        : null,
      violationEndedOn: c.violationEndedOn,
      investigationDueOn: c.investigationDueOn,
      extendedDays: c.extendedDays,
      closedOn: c.closedOn,
      closureType: c.closureType,
      violationFound: c.violationFound,
      arrearsFen: c.arrearsFen,
      workersAffected: c.workersAffected,
      monthsUnpaid: c.monthsUnpaid,
      recoveredFen: c.recoveredFen,
      recoveredWorkers: c.recoveredWorkers,
      penaltyFen: c.penaltyFen,
      rectifyDueOn: c.rectifyDueOn,
      orderRefused: c.orderRefused,
      transferredToPolice: c.transferredToPolice,
      massIncident: c.massIncident,
      assignedInspectorIds: staff ? c.assignedInspectorIds : [],
      inspectors,
      wageCrime,
      documents: documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        docNo: d.docNo,
        issuedOn: d.issuedOn,
        employerFacing: d.employerFacing,
      })),
      recoveries: recoveries.map((r) => ({
        id: r.id,
        paidOn: r.paidOn,
        amountFen: r.amountFen,
        workersCovered: r.workersCovered,
      })),
      clocks,
    };
  }
}
