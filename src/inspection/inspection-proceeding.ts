import { Injectable } from '@nestjs/common';
import { assertNotRecused } from './inspection-recusal';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { computeDeadline } from '../calendar/deadline-engine';
import { INSPECTION_DEADLINE_RULES } from './inspection.deadline-rules';
import { todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { formatTrackingNumber } from '../common/tracking-number';
import { versionedTransition } from '../common/versioned-transition';
import { ComplaintsService } from '../complaints/complaints.service';
import { ComplianceService } from '../compliance/compliance.service';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { SmsTemplateId } from '../notifications/templates';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { EmployersService } from '../reference/employers.service';
import { OrganisationsService } from '../reference/organisations.service';
import { StaffDirectory } from '../staff/staff-directory.service';
import type { InspectionCaseViewDto } from './dto/inspection.dto';
import type { InspectionCase } from './entities';
import {
  CASE_NO_PREFIX,
  INSPECTION_CASE_TYPE,
  OPEN_STATUSES,
  type DocumentKind,
  type InspectionStatus,
} from './inspection.constants';
import { documentNumber, EMPLOYER_FACING, renderDocument, type DocumentFacts } from './inspection.documents';
import { InspectionNotices } from './inspection-notices';
import { InspectionRepository } from './inspection.repository';
import { inspectionCaseView } from './inspection-view';
import { entersViolationHistory, violationFactsOf } from './inspection.rules';
import { INSPECTION_MACHINE, type InspectionAction } from './inspection.state';
import { WageCrimeService } from './wage-crime.service';
import { assertEmployerNamed } from './employer-name-gate';

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

/** A step of the case, given the locked row and the act's date. */
export type Step = (em: EntityManager, c: InspectionCase, on: string) => Promise<StepResult>;

type IssuedDocument = { id: string; docNo: string; kind: DocumentKind };

/**
 * What every inspection use case shares: the versioned transition (lock, scope, version, state table, record) with
 * its document and clock, the case's numbers, timeline and clocks, the violation a closing registers, and the view.
 */
@Injectable()
export class InspectionProceeding {
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
    private readonly compliance: ComplianceService,
    private readonly staff: StaffDirectory,
    private readonly notices: InspectionNotices,
  ) {}

  /** The case, for staff of its street and for the complainant of a 投诉 (status only); else 404. */
  async get(viewer: Principal, id: string): Promise<InspectionCaseViewDto> {
    const em = this.tx.manager;
    const c = await this.visible(em, viewer, id);
    return this.view(em, c, viewer.role !== 'WORKER');
  }

  /** The case if the viewer may see it: staff of its street, or the worker who filed its 投诉; else 404. */
  async visible(em: EntityManager, viewer: Principal, id: string): Promise<InspectionCase> {
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
   * One write of the case through the versioned-transition helper: lock the row, check scope (404), the version the
   * client read (409 STALE_VERSION), the transition table (409 ILLEGAL_TRANSITION) and the action date (not in the
   * future, not before receipt); run the step, issue its document, bump the version and append the event with the
   * document's number. `dateField`: the request's name for the action date, which its field error names (`on`; a
   * recovery's is `paidOn`).
   */
  async transition(
    viewer: Principal,
    id: string,
    version: number,
    action: InspectionAction,
    onInput: string | undefined,
    step: Step,
    dateField = 'on',
  ): Promise<InspectionCaseViewDto> {
    await this.tx.run((em) =>
      versionedTransition(
        em,
        {
          what: 'The case',
          lock: (m) => this.repo.lockCase(m, id),
          inScope: (c) => coversJurisdiction(viewer, c.jurisdictionCode),
          notFound: inspectionNotFound,
          version,
          action,
          machine: INSPECTION_MACHINE,
        },
        (c, to) => this.apply(em, viewer, c, to, action, { field: dateField, value: onInput }, step),
        async (c, to, { on, data, doc }) => {
          await this.record(em, id, `INSPECTION_${action}`, viewer, c.status, to, {
            ...data,
            on,
            ...(doc ? { documentId: doc.id, docNo: doc.docNo, documentKind: doc.kind } : {}),
          });
          await this.rescore(em, c.employerId);
        },
      ),
    );
    return this.get(viewer, id);
  }

  /** The step of a transition: its date, its changes, its document, the clock's deadline, the closing's violation. */
  private async apply(
    em: EntityManager,
    viewer: Principal,
    c: InspectionCase,
    to: InspectionStatus,
    action: InspectionAction,
    date: { field: string; value: string | undefined },
    step: Step,
  ): Promise<{ on: string; data: Record<string, unknown>; doc: IssuedDocument | null }> {
    await assertNotRecused(this.repo, em, viewer, c);
    const on = date.value ?? todayInShanghai();
    const earliest = c.acceptedOn ?? c.receivedOn;
    if (on > todayInShanghai() || on < earliest)
      throw AppException.validation([
        fieldError(
          date.field,
          'dateRange',
          `${date.field} 须在 ${earliest} 与今天（北京时间）之间`,
          `${date.field} must lie between ${earliest} and today (Asia/Shanghai)`,
        ),
      ]);
    const { changes, data, document, notify } = await step(em, c, on);
    const doc = document ? await this.issue(em, c, document, on) : null;
    if (document && doc) await this.notices.tellEmployer(em, c, action, document, doc.docNo);
    // Keep investigation_due_on and extended_days true to the clock, none while it is paused (clockChanged already
    // follows the clock events entered through the deadlines API; this also mends a copy older than that).
    if (c.acceptedOn && OPEN_STATUSES.includes(to) && changes.investigationDueOn === undefined) {
      const clock = await this.investigationClock(em, c);
      if (clock) Object.assign(changes, { investigationDueOn: clock.due, extendedDays: clock.extendedBy });
    }
    await this.repo.updateCase(em, c.id, { ...changes, status: to });
    if (to === 'CLOSED') await this.registerViolation(em, { ...c, ...changes }, on, viewer);
    if (notify) await this.notices.tell(em, c, action, notify);
    return { on, data, doc };
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
  ): Promise<{ id: string; due: string | null; extendedBy: number; provisional: boolean } | null> {
    const clock = (await this.deadlines.forCase(INSPECTION_CASE_TYPE, c.id, todayInShanghai(), em)).find(
      (k) => k.rule.id === 'INSPECTION_INVESTIGATION',
    );
    if (!clock) return null;
    const r = computeDeadline(
      INSPECTION_DEADLINE_RULES.INSPECTION_INVESTIGATION,
      clock.start,
      clock.events,
      await this.calendar.calendar(em),
      todayInShanghai(),
    );
    return { id: clock.id, due: r.due, extendedBy: r.extendedBy, provisional: r.provisional };
  }

  /**
   * Brings the case's copy of its investigation deadline (investigation_due_on and extended_days, which the KPIs,
   * the at-risk list and the views read) to the clock as counted now; what it was and is, and whether it moved.
   */
  async followClock(
    em: EntityManager,
    c: InspectionCase,
  ): Promise<{
    clockId: string | null;
    moved: boolean;
    previousDueOn: string | null;
    investigationDueOn: string | null;
  }> {
    const clock = await this.investigationClock(em, c);
    const moved = !!clock && (clock.due !== c.investigationDueOn || clock.extendedBy !== c.extendedDays);
    if (moved)
      await this.repo.updateCase(em, c.id, { investigationDueOn: clock.due, extendedDays: clock.extendedBy });
    const investigationDueOn = moved ? clock.due : c.investigationDueOn;
    return { clockId: clock?.id ?? null, moved, previousDueOn: c.investigationDueOn, investigationDueOn };
  }

  /** Early warning: a case event rescores the employer (risk.rescore-employer, deduplicated per employer). */
  async rescore(em: EntityManager, employerId: string | null): Promise<void> {
    if (employerId) await this.outbox.enqueue(em, JobName.RiskRescoreEmployer, { employerId });
  }

  /** Numbers, renders and stores a document of the case; one naming the employer only by a confirmed name. */
  private async issue(
    em: EntityManager,
    c: InspectionCase,
    facts: DocumentFacts,
    on: string,
  ): Promise<IssuedDocument> {
    const kind: DocumentKind = facts.kind;
    const employer = c.employerId ? await this.employers.byId(em, c.employerId) : null;
    assertEmployerNamed(kind, employer);
    const year = Number(on.slice(0, 4));
    const docNo = documentNumber(kind, year, await this.repo.nextSeq(em, `DOC:${kind}`, year));
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
    return { id, docNo, kind };
  }

  /** accepted_on + 60 working days, by the deadline engine (a new clock: no events yet). */
  async investigationDue(em: EntityManager, acceptedOn: string): Promise<string> {
    const r = computeDeadline(
      INSPECTION_DEADLINE_RULES.INSPECTION_INVESTIGATION,
      acceptedOn,
      [],
      await this.calendar.calendar(em),
      acceptedOn,
    );
    return r.due!;
  }

  async startInvestigation(em: EntityManager, id: string, street: string, on: string): Promise<void> {
    await this.deadlines.start(em, {
      caseType: INSPECTION_CASE_TYPE,
      caseId: id,
      ruleId: 'INSPECTION_INVESTIGATION',
      start: on,
      jurisdictionCode: street,
    });
  }

  async nextCaseNo(em: EntityManager, on: string): Promise<string> {
    const year = Number(on.slice(0, 4));
    return formatTrackingNumber(CASE_NO_PREFIX, year, await this.repo.nextSeq(em, 'CASE', year));
  }

  async record(
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

  /**
   * A case closed with a violation found enters the employer's violation history (企业劳动保障守法诚信等级评价办法), in the
   * closing transaction, with the facts the grade, the blacklist and the public list read.
   */
  private async registerViolation(
    em: EntityManager,
    c: InspectionCase,
    on: string,
    actor: Principal,
  ): Promise<void> {
    if (!entersViolationHistory(c) || !c.employerId) return;
    const complaint = c.complaintId ? await this.complaints.forProceeding(em, c.complaintId) : null;
    // 数额较大 (29号令 第五条第（一）项) and the listing's 数额标准 (45号令 第五条第（一）项) weigh the wages withheld as found:
    // wages paid under the order end the arrears, not the violation (the listing asks the refused order separately).
    const wageCrime = await this.assessCase(em, c, on, 'FOUND');
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

  /**
   * The wages against the 拒不支付劳动报酬罪 figure in force on `on` (the case's province): those still unpaid (the
   * transfer: 经责令支付仍不支付), or those found withheld (the violation's weight).
   */
  assessCase(
    em: EntityManager,
    c: InspectionCase,
    on = todayInShanghai(),
    basis: 'OUTSTANDING' | 'FOUND' = 'OUTSTANDING',
  ) {
    return this.wageCrime.assess(em, {
      provinceCode: c.jurisdictionCode.slice(0, 2),
      on,
      workers: c.workersAffected,
      arrearsFen: basis === 'FOUND' ? c.arrearsFen : Math.max(0, c.arrearsFen - c.recoveredFen),
      monthsUnpaid: c.monthsUnpaid,
    });
  }

  private async view(em: EntityManager, c: InspectionCase, staff: boolean): Promise<InspectionCaseViewDto> {
    const [documents, recoveries, clocks, wageCrime, employers, inspectors] = await Promise.all([
      staff ? this.repo.documentsOf(em, c.id) : Promise.resolve([]),
      staff ? this.repo.recoveriesOf(em, c.id) : Promise.resolve([]),
      staff
        ? this.deadlines.forCase(INSPECTION_CASE_TYPE, c.id, todayInShanghai(), this.tx.manager)
        : Promise.resolve([]),
      // A closed case is assessed as on its closing day (the figure then in force).
      this.assessCase(em, c, c.closedOn ?? undefined),
      this.employers.byIds(em, c.employerId ? [c.employerId] : []),
      this.staff.describeList(em, c.assignedInspectorIds),
    ]);
    const employer = c.employerId ? employers.get(c.employerId) : undefined;
    return inspectionCaseView(c, { staff, employer, documents, recoveries, clocks, wageCrime, inspectors });
  }
}
