import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, type CaseEventView } from '../audit/audit.service';
import { OrganisationsService } from '../reference/organisations.service';
import { UsersService } from '../auth/users.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { INSPECTION_DEADLINE_RULES } from './inspection.deadline-rules';
import { todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { ComplaintTakeUp } from '../complaints/complaint-take-up';
import { OpenArbitrationCheck, type WithOverride } from '../complaints/open-arbitration';
import { ComplaintsService } from '../complaints/complaints.service';
import { TransactionRunner } from '../database/transaction';
import {
  type ClockChange,
  clockEventData,
  DATED_ON_FIELDS,
  DeadlinesService,
} from '../deadlines/deadlines.service';
import type {
  InspectionCasePageDto,
  InspectionCaseViewDto,
  InspectionDocumentViewDto,
  InspectionQueryDto,
} from './dto/inspection.dto';
import type { InspectionCase } from './entities';
import { INSPECTION_CASE_TYPE, OPEN_STATUSES } from './inspection.constants';
import { InspectionRepository } from './inspection.repository';
import { acceptanceDecision, brigadeServes, needsReferral } from './inspection.rules';
import {
  assertRefusalHolds,
  refusalInput,
  refusalStep,
  type Refusal,
  type RefuseInput,
} from './inspection-refusal';
import { investigationTeamError } from './inspection-duties.rules';
import { violationEndedOnError } from '../complaints/complaint.state';
import { InspectionProceeding, inspectionNotFound } from './inspection-proceeding';
import { extensionNotice, InspectionNotices } from './inspection-notices';
import { InspectionColleagues } from './inspection-colleagues';

export { inspectionNotFound, type StepResult } from './inspection-proceeding';

/** The inspection case: opening, the acceptance decision, every later step as one transaction, and the views. */
@Injectable()
export class InspectionService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: InspectionRepository,
    private readonly complaints: ComplaintsService,
    private readonly organisations: OrganisationsService,
    private readonly deadlines: DeadlinesService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly p: InspectionProceeding,
    private readonly takeUp: ComplaintTakeUp,
    private readonly arbitration: OpenArbitrationCheck,
    private readonly notices: InspectionNotices,
    private readonly colleagues: InspectionColleagues,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerOwner(INSPECTION_CASE_TYPE, {
      lock: (em, caseId) => this.repo.lockCase(em, caseId),
      changed: (em, c, change, actor) => this.clockChanged(em, c, change, actor),
    });
  }

  /**
   * A clock event entered through the deadlines API (a pause, resumption or extension of the investigation period,
   * 劳动保障监察条例 第十七条) on case `c` (locked before the clock): the case's deadline (investigation_due_on, read by
   * the KPIs and the at-risk list) follows the clock in the same transaction and the timeline records the event; while
   * paused, the case carries none (null: not late, not overdue), and the resumption gives it the clock's new one.
   */
  private async clockChanged(
    em: EntityManager,
    c: InspectionCase,
    change: ClockChange,
    actor: Principal,
  ): Promise<void> {
    if (change.ruleId !== 'INSPECTION_INVESTIGATION' || !c.acceptedOn || !OPEN_STATUSES.includes(c.status))
      return;
    const { previousDueOn, investigationDueOn } = await this.p.followClock(em, c);
    await this.p.record(em, c.id, 'INSPECTION_CLOCK_EVENT', actor, c.status, c.status, {
      ...clockEventData(change),
      previousDueOn,
      investigationDueOn,
    });
    // An extension entered here is told as POST …/extension tells it (once: the key holds the version it moved).
    const told = change.event.type === 'EXTEND' && extensionNotice(await this.p.investigationClock(em, c));
    if (told) await this.notices.tell(em, c, 'EXTEND', told);
  }

  /** A plan's drawn inspectors must be active INSPECTOR accounts (400 otherwise). */
  private async assertInspectors(em: EntityManager, ids: readonly string[], field: string): Promise<void> {
    for (const uid of ids) {
      const u = await this.users.findById(em, uid);
      if (!u || u.role !== 'INSPECTOR' || !u.active)
        throw AppException.validation([
          fieldError(field, 'isInspector', `${uid} 不是在任监察员`, `${uid} is not an inspector`),
        ]);
    }
  }

  /**
   * Opens a case for a complaint (投诉) or report (举报) routed to INSPECTION, in the caller's transaction, and starts
   * the 5-working-day acceptance clock from the complaint's receipt, or from its completion by 补正 (若干规定 第十八条).
   * `organisationId` is the brigade deciding (default: the one the complaint was routed to); `receivedOn` defaults to
   * the complaint's (and, given, is also the day the period counts from).
   */
  async openFromComplaint(
    em: EntityManager,
    input: { complaintId: string; organisationId?: string; receivedOn?: string } & WithOverride,
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
    // Its dispute in arbitration: 409, or the brigade's own override (监察条例 第二十一条第二款).
    const overridden = await this.arbitration.assertNotInArbitration(em, complaint, 'OPEN_INSPECTION', input);
    const organisationId = input.organisationId ?? complaint.routeOrganisationId!;
    const org = await this.organisations.byId(em, organisationId);
    if (!org || org.kind !== 'INSPECTION_BRIGADE')
      throw AppException.validation([
        fieldError(
          'organisationId',
          'organisationKind',
          'organisationId 须为劳动保障监察机构',
          'organisationId must be an inspection brigade',
        ),
      ]);
    // A brigade not competent for the street would refuse the worker for the opener's pick of it: open in the right one.
    if (!brigadeServes(org.jurisdictionCode, complaint.workplaceStreetCode))
      throw AppException.validation([
        fieldError(
          'organisationId',
          'servesStreet',
          `该监察机构不管辖 ${complaint.workplaceStreetCode}（劳动保障监察条例 第十三条）`,
          `the brigade is not competent for ${complaint.workplaceStreetCode}`,
        ),
      ]);
    await this.repo.lockComplaint(em, complaint.id);
    const existing = await this.repo.liveCaseOfComplaint(em, complaint.id);
    if (existing)
      throw AppException.conflict('INSPECTION_CASE_EXISTS', 'The complaint already has an inspection case', {
        inspectionCaseId: existing,
      });
    const receivedOn = input.receivedOn ?? complaint.receivedOn;
    // 受理 and 立案 are one period: from the complaint's receipt, or from the day 补正 completed it (若干规定 第十八条).
    const periodFrom = input.receivedOn ?? (await this.complaints.acceptanceFrom(em, complaint));
    const cal = await this.calendar.calendar(em);
    const id = newId();
    await this.repo.insertCase(em, {
      id,
      caseNo: await this.p.nextCaseNo(em, receivedOn),
      source: complaint.kind,
      complaintId: complaint.id,
      employerId: complaint.employerId,
      jurisdictionCode: complaint.workplaceStreetCode,
      organisationId: org.id,
      status: 'RECEIVED',
      receivedOn,
      acceptanceDueOn: cal.addWorkingDays(periodFrom, INSPECTION_DEADLINE_RULES.INSPECTION_ACCEPTANCE.amount)
        .date,
      massIncident: false,
    });
    await this.deadlines.start(em, {
      caseType: INSPECTION_CASE_TYPE,
      caseId: id,
      ruleId: 'INSPECTION_ACCEPTANCE',
      start: periodFrom,
      jurisdictionCode: complaint.workplaceStreetCode,
    });
    await this.p.record(em, id, 'INSPECTION_RECEIVED', actor, null, 'RECEIVED', {
      source: complaint.kind,
      complaintId: complaint.id,
      organisationId: org.id,
      ...(overridden ? { arbitrationOverride: overridden } : {}),
    });
    await this.takeUp.takenUp(em, complaint, 'COMPLAINT', actor);
    await this.p.rescore(em, complaint.employerId);
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
        fieldError(
          'jurisdictionCode',
          'servedByBrigade',
          `没有负责 ${input.jurisdictionCode} 的劳动保障监察机构`,
          `no inspection brigade serves ${input.jurisdictionCode}`,
        ),
      ]);
    const team = investigationTeamError(input.inspectorIds);
    if (team) throw AppException.badRequest('TOO_FEW_INSPECTORS', team, { field: 'inspectorIds' });
    await this.assertInspectors(em, input.inspectorIds, 'inspectorIds');
    const on = input.on ?? todayInShanghai();
    const id = newId();
    await this.repo.insertCase(em, {
      id,
      caseNo: await this.p.nextCaseNo(em, on),
      source: 'PLAN',
      planId: input.planId,
      employerId: input.employerId,
      jurisdictionCode: input.jurisdictionCode,
      organisationId: org.id,
      status: 'INVESTIGATING',
      receivedOn: on,
      acceptanceDueOn: on,
      acceptedOn: on,
      investigationDueOn: await this.p.investigationDue(em, on),
      assignedInspectorIds: input.inspectorIds,
    });
    await this.p.startInvestigation(em, id, input.jurisdictionCode, on);
    await this.p.record(em, id, 'INSPECTION_OPENED_BY_PLAN', actor, null, 'INVESTIGATING', {
      planId: input.planId,
      organisationId: org.id,
    });
    await this.p.rescore(em, input.employerId);
    return id;
  }

  /** POST /cases: staff who can see the routed complaint open its inspection case. */
  async create(
    viewer: Principal,
    dto: { complaintId: string; organisationId?: string } & WithOverride,
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
    // Checked before anything counts from it: by the day of the decision, never a day after today (a future `on` is
    // refused on its own field by the transition).
    const today = todayInShanghai();
    const ended = violationEndedOnError(dto.violationEndedOn, dto.on && dto.on < today ? dto.on : today);
    if (ended) throw AppException.validation([ended]);
    const facts = await this.tx.run(async (em) => {
      const c = await this.repo.findCase(em, id);
      if (!c || !coversJurisdiction(viewer, c.jurisdictionCode)) throw inspectionNotFound();
      const org = await this.organisations.byId(em, c.organisationId);
      const decision = acceptanceDecision({
        receivedOn: c.receivedOn,
        violationEndedOn: dto.violationEndedOn,
        employerId: c.employerId,
        jurisdictionCode: c.jurisdictionCode,
        brigadeJurisdictionCode: org?.jurisdictionCode ?? '',
      });
      // 若干规定 第十八条第四款: out of this brigade's district, the complainant is told the brigade serving the street.
      const referTo = needsReferral(decision.reasons.map((r) => r.code))
        ? ((await this.organisations.serving(em, 'INSPECTION_BRIGADE', c.jurisdictionCode))?.name ??
          '有管辖权的劳动保障行政部门')
        : null;
      return { ...decision, referTo };
    });
    if (!facts.accept)
      return this.refuseWith(
        viewer,
        id,
        dto.version,
        {
          reasons: facts.reasons.map((r) => r.code),
          note: null,
          referTo: facts.referTo,
          violationEndedOn: dto.violationEndedOn,
        },
        dto.on,
      );
    return this.p.transition(viewer, id, dto.version, 'ACCEPT', dto.on, async (em, c, on) => {
      await this.deadlines.stopAll(em, INSPECTION_CASE_TYPE, id, on, viewer, undefined, DATED_ON_FIELDS);
      await this.p.startInvestigation(em, id, c.jurisdictionCode, on);
      const inspectors = dto.inspectorIds ?? (viewer.role === 'INSPECTOR' ? [viewer.userId] : []);
      await this.colleagues.assertNamed(em, c, inspectors, false);
      return {
        changes: {
          acceptedOn: on,
          violationEndedOn: dto.violationEndedOn,
          investigationDueOn: await this.p.investigationDue(em, on),
          assignedInspectorIds: inspectors,
        },
        data: { acceptedOn: on, lookbackEndsOn: facts.lookbackEndsOn, inspectors: inspectors.length },
        notify: { template: 'INSPECTION_ACCEPTED', params: { acceptedOn: on } },
      };
    });
  }

  /**
   * 不予受理 for a reason staff establish (e.g. already in arbitration), in writing with the reason; outside the remit
   * or the district it names where to turn instead; as over two years old, the day the violation ended (400s:
   * refusalInput). Whether the facts bear it is checked on the locked case (assertRefusalHolds, 409).
   */
  refuse(viewer: Principal, id: string, dto: RefuseInput): Promise<InspectionCaseViewDto> {
    return this.refuseWith(viewer, id, dto.version, refusalInput(dto, todayInShanghai()), dto.on);
  }

  private refuseWith(
    viewer: Principal,
    id: string,
    version: number,
    r: Refusal,
    onInput: string | undefined,
  ): Promise<InspectionCaseViewDto> {
    return this.p.transition(viewer, id, version, 'REFUSE', onInput, async (em, c, on) => {
      assertRefusalHolds(c, r);
      await this.deadlines.stopAll(em, INSPECTION_CASE_TYPE, id, on, viewer, undefined, DATED_ON_FIELDS);
      return refusalStep(c, on, r);
    });
  }

  /** The case, for staff of its street and for the complainant of a 投诉 (status only); else 404. */
  get(viewer: Principal, id: string): Promise<InspectionCaseViewDto> {
    return this.p.get(viewer, id);
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
    await this.p.visible(this.tx.manager, viewer, id);
    return this.audit.timeline(this.tx.manager, INSPECTION_CASE_TYPE, id);
  }

  /** A document as issued (staff only). */
  async document(viewer: Principal, id: string, documentId: string): Promise<InspectionDocumentViewDto> {
    const em = this.tx.manager;
    if (viewer.role === 'WORKER') throw inspectionNotFound();
    await this.p.visible(em, viewer, id);
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
}
