import { Injectable, type OnModuleInit } from '@nestjs/common';
import { todayInShanghai } from '../calendar/local-date';
import { EntityManager } from 'typeorm';
import { AuditService, type CaseEventView } from '../audit/audit.service';
import { UsersService } from '../auth/users.service';
import { coversJurisdiction, STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { IdempotencyService, type StoredResponse } from '../idempotency/idempotency.service';
import { newId } from '../common/ids';
import { formatTrackingNumber } from '../common/tracking-number';
import { TransactionRunner } from '../database/transaction';
import { WriteBatch } from '../database/writes';
import { Acknowledgement } from './acknowledgement';
import { ComplainantService } from './complainant.service';
import { DeadlinesService, type ClockView, recordingOwner } from '../deadlines/deadlines.service';
import { periodStart } from '../deadlines/period-start';
import { complainantProbe } from './duplicate-probe';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { EmployersService } from '../reference/employers.service';
import { JurisdictionsService } from '../reference/jurisdictions.service';
import { TRACKING_PREFIX, type ComplaintKind } from './complaint.constants';
import type { ComplaintWithEmployer } from './complaint-view';
import { ComplaintViews } from './complaint-views.service';
import type { Complaint } from './entities/complaint.entity';
import type { RouteTarget } from './routing.rules';
import { ComplaintsRepository, type VisibilityScope } from './complaints.repository';
import { ReportNumbers } from './report-numbers';
import type { ComplaintQueryDto } from './dto/complaint-query.dto';
import type { ComplaintPageDto, ComplaintViewDto } from './dto/complaint-view.dto';
import type { CreateComplaintDto, CreateReportDto } from './dto/create-complaint.dto';

const CASE = 'COMPLAINT' as const;

/** Intake rules: a complaint, its first event and its acknowledgement job commit together or not at all. */
@Injectable()
export class ComplaintsService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly repo: ComplaintsRepository,
    private readonly employers: EmployersService,
    private readonly jurisdictions: JurisdictionsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly complainant: ComplainantService,
    private readonly deadlines: DeadlinesService,
    private readonly reportNumbers: ReportNumbers,
    private readonly views: ComplaintViews,
    private readonly acknowledgement: Acknowledgement,
  ) {}

  /** A clock event of the complaint's own clocks (the acceptance decision) entered through the deadlines API. */
  onModuleInit(): void {
    this.deadlines.registerOwner(
      CASE,
      recordingOwner(
        (em, id) => this.repo.lockForUpdate(em, id),
        (em, c, data, actor) =>
          this.audit.append(em, {
            caseType: CASE,
            caseId: c.id,
            action: 'COMPLAINT_CLOCK_EVENT',
            fromStatus: c.status,
            toStatus: c.status,
            actor,
            data,
          }),
      ),
    );
  }

  async submitComplaint(
    worker: Principal,
    dto: CreateComplaintDto,
    idempotencyKey?: string,
  ): Promise<StoredResponse<ComplaintViewDto>> {
    return this.idempotency.execute(
      `complaint:${worker.userId}`,
      idempotencyKey,
      dto,
      async (em) => {
        if (worker.role !== 'WORKER' && !coversJurisdiction(worker, dto.workplaceStreetCode))
          throw AppException.validation([
            fieldError(
              'workplaceStreetCode',
              'jurisdiction',
              'workplaceStreetCode 不在您的管辖范围内',
              'workplaceStreetCode is outside your jurisdiction',
            ),
          ]);
        const who = await this.complainant.resolve(em, worker, dto);
        const created = await this.intake(em, 'COMPLAINT', dto, worker, {
          complainantUserId: who.complainantUserId,
          complainantName: who.name ?? (await this.users.findById(em, worker.userId))?.displayName ?? null,
          complainantIdNumber: who.idNumber,
          complainantPhone: who.phone,
          complainantVerified: who.verified,
          filedByUserId: who.filedByUserId,
          onBehalfRelationship: who.onBehalfRelationship,
          wantsArbitration: dto.wantsArbitration ?? false,
        });
        // The filer sees what they filed (the worker is its complainant or filer; staff filed it in their own street).
        const body = await this.views.one(em, created, worker, 'complaint.submit');
        const resource = { type: 'complaint', id: created.complaint.id };
        return { status: 201, body, resource, writes: created.writes };
      },
      async (em, r) =>
        this.views.one(em, await this.visibleOrThrow(em, worker, r.id), worker, 'complaint.submit'),
    );
  }

  /** 举报: no complainant is recorded; the reporter follows the report with the tracking number and access code. */
  async submitReport(dto: CreateReportDto, accessCodeHash: string): Promise<{ trackingNo: string }> {
    const result = await this.tx.run(async (em) => {
      const created = await this.intake(em, 'REPORT', dto, null, { accessCodeHash });
      await created.writes.send(em);
      return created;
    });
    return { trackingNo: result.complaint.trackingNo };
  }

  private async intake(
    em: EntityManager,
    kind: ComplaintKind,
    dto: CreateReportDto,
    actor: Principal | null,
    extra: {
      complainantUserId?: string | null;
      complainantName?: string | null;
      complainantIdNumber?: string | null;
      complainantPhone?: string | null;
      complainantVerified?: boolean;
      filedByUserId?: string;
      onBehalfRelationship?: string | null;
      accessCodeHash?: string;
      wantsArbitration?: boolean;
    },
  ): Promise<ComplaintWithEmployer & { writes: WriteBatch }> {
    if (!(await this.jurisdictions.isStreet(dto.workplaceStreetCode, em)))
      throw AppException.validation([
        fieldError(
          'workplaceStreetCode',
          'exists',
          'workplaceStreetCode 不是已知的街道或乡镇代码',
          'workplaceStreetCode is not a known street/town code',
        ),
      ]);
    // The employer of the register (a party's wording never changes it); what they typed is kept on the complaint.
    const employer = await this.employers.findOrCreate(em, {
      ...dto.employer,
      source: kind === 'REPORT' ? 'REPORT' : 'COMPLAINT',
    });
    const now = new Date();
    const receivedOn = todayInShanghai(now);
    const year = Number(receivedOn.slice(0, 4));
    const prefix = TRACKING_PREFIX[kind];
    const trackingNo =
      kind === 'REPORT'
        ? await this.reportNumbers.next(em, year)
        : formatTrackingNumber(prefix, year, await this.repo.nextTrackingSeq(em, prefix, year));
    const id = newId();
    const complaint = await this.repo.insert(
      em,
      {
        id,
        trackingNo,
        kind,
        status: 'SUBMITTED',
        category: dto.category,
        channel: dto.channel,
        employerId: employer.id,
        employerNameStated: dto.employer.name,
        employerPhoneStated: dto.employer.contactPhone ?? null,
        employerAddressStated: dto.employer.address ?? null,
        workplaceStreetCode: dto.workplaceStreetCode,
        claimedAmountFen: dto.claimedAmountFen ?? null,
        affectedWorkers: dto.affectedWorkers,
        facts: dto.facts,
        requests: dto.requests,
        complainantUserId: extra.complainantUserId ?? null,
        complainantName: extra.complainantName ?? null,
        ...this.views.seal(extra.complainantIdNumber, extra.complainantPhone),
        complainantVerified: extra.complainantVerified ?? false,
        filedByUserId: extra.filedByUserId ?? null,
        onBehalfRelationship: extra.onBehalfRelationship ?? null,
        accessCodeHash: extra.accessCodeHash ?? null,
        wantsArbitration: extra.wantsArbitration ?? false,
        receivedOn,
      },
      // The possible-duplicate check runs inside the INSERT, its flag written with the row (complaint.state.ts).
      kind === 'COMPLAINT'
        ? complainantProbe({
            complainantUserId: extra.complainantUserId ?? null,
            onBehalfRelationship: extra.onBehalfRelationship ?? null,
            complainantIdNumberBidx: this.views.idNumberIndex(extra.complainantIdNumber),
          })
        : null,
    );
    const duplicateOf = complaint.possibleDuplicateOf;
    // What follows needs nothing back: the caller sends it in one statement, with its idempotency record if any
    // (writes.ts). The submission and, when one was found, the duplicate flag.
    const writes = new WriteBatch();
    const event = { caseType: CASE, caseId: id };
    const submitted = { kind, channel: dto.channel, category: dto.category, trackingNo };
    const events = [
      { ...event, action: 'SUBMITTED', fromStatus: null, toStatus: 'SUBMITTED', actor, data: submitted },
      ...(duplicateOf
        ? [{ ...event, action: 'POSSIBLE_DUPLICATE_FLAGGED', actor: null, data: { duplicateOf } }]
        : []),
    ];
    await this.audit.appendMany(em, events, writes);
    // The acknowledgement, and the early warning's rescore of the employer (deduplicated per employer by the job
    // catalogue).
    const jobs = [
      { name: JobName.ComplaintAcknowledge, payload: { complaintId: id } },
      { name: JobName.RiskRescoreEmployer, payload: { employerId: employer.id } },
    ] as const;
    await this.outbox.enqueueMany(em, jobs, writes);
    // The decision on acceptance is due within 5 working days (若干规定 第十八条).
    const clock = {
      ruleId: 'INSPECTION_ACCEPTANCE',
      start: receivedOn,
      jurisdictionCode: dto.workplaceStreetCode,
    } as const;
    await this.deadlines.start(em, { ...event, ...clock }, writes);
    return { complaint, employer, writes };
  }

  scopeOf(viewer: Principal): VisibilityScope {
    if (viewer.role === 'WORKER') return { complainantUserId: viewer.userId };
    if (STAFF_ROLES.includes(viewer.role))
      return { jurisdictionPrefixes: viewer.jurisdictions.filter((j) => /^\d{2,12}$/.test(j)) };
    return { jurisdictionPrefixes: [] };
  }

  /** The complaint and its employer if the viewer may see it; 404 (never 403) otherwise. */
  async visibleOrThrow(em: EntityManager, viewer: Principal, id: string): Promise<ComplaintWithEmployer> {
    const complaint = await this.assertVisible(viewer, id, em);
    const employer = (await this.employers.byIds(em, [complaint.employerId])).get(complaint.employerId)!;
    return { complaint, employer };
  }

  /** The complaint if the viewer may see it (else 404), for modules that hang their records on a complaint. */
  async assertVisible(viewer: Principal, id: string, em: EntityManager): Promise<Complaint> {
    // The complaint alone: no caller needs its employer (one round trip less on every case file and action).
    const complaint = await this.repo.findVisible(em, id, this.scopeOf(viewer));
    if (!complaint) throw AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint');
    return complaint;
  }

  /** Whether the viewer may see the complaint (for proceedings that answer 404 with their own code). */
  async canSee(viewer: Principal, id: string, em: EntityManager): Promise<boolean> {
    return (await this.repo.findVisible(em, id, this.scopeOf(viewer))) !== null;
  }

  /**
   * Whether the viewer sees a member of the collective dispute: a member's complainant and staff of a member's street
   * see the one case the dispute is mediated or arbitrated in.
   */
  canSeeDispute(viewer: Principal, disputeId: string, em: EntityManager): Promise<boolean> {
    return this.repo.anyVisibleInDispute(em, disputeId, this.scopeOf(viewer));
  }

  /** Complaints still routed to a body, routed on a day in [from, to] (for a proceeding's sweep). */
  routedBetween(em: EntityManager, target: RouteTarget, from: string, to: string) {
    return this.repo.routedBetween(em, target, from, to);
  }

  /** The members of a collective dispute (complaint id and tracking number), oldest first. */
  async disputeMembers(
    em: EntityManager,
    disputeId: string,
  ): Promise<{ complaintId: string; trackingNo: string }[]> {
    return (await this.repo.membersOfDispute(em, disputeId)).map((c) => ({
      complaintId: c.id,
      trackingNo: c.trackingNo,
    }));
  }

  /**
   * A complaint and its employer for a proceeding opening on it, the row share-locked until the caller's transaction
   * ends: a withdrawal (which locks it for update) either commits first, and the opening sees WITHDRAWN, or waits and
   * then finds the open proceeding. Never a withdrawn complaint with a proceeding opened beside it.
   */
  async lockForProceeding(em: EntityManager, id: string): Promise<ComplaintWithEmployer | null> {
    const complaint = await this.repo.lockForShare(em, id);
    if (!complaint) return null;
    return {
      complaint,
      employer: (await this.employers.byIds(em, [complaint.employerId])).get(complaint.employerId)!,
    };
  }

  /**
   * The day the complaint's acceptance period counts from: its receipt, or the day 补正 completed it (its acceptance
   * clock restarted then, 若干规定 第十八条第三款). A proceeding opened on it counts its share of the period from it.
   */
  async acceptanceFrom(em: EntityManager, complaint: Complaint): Promise<string> {
    return (await this.deadlines.forCase(CASE, complaint.id, todayInShanghai(), em))
      .filter((k) => k.rule.id === 'INSPECTION_ACCEPTANCE')
      .map(periodStart)
      .reduce((from, d) => (d > from ? d : from), complaint.receivedOn);
  }

  /** A complaint and its employer, for proceedings built on it (they check their own access). */
  async forProceeding(em: EntityManager, id: string): Promise<ComplaintWithEmployer | null> {
    const complaint = await this.repo.findById(em, id);
    if (!complaint) return null;
    return {
      complaint,
      employer: (await this.employers.byIds(em, [complaint.employerId])).get(complaint.employerId)!,
    };
  }

  async get(viewer: Principal, id: string): Promise<ComplaintViewDto> {
    const em = this.tx.manager;
    return this.views.one(em, await this.visibleOrThrow(em, viewer, id), viewer, 'complaint.get');
  }

  /** The worker's own complaints, newest first, one keyset page: their case files (GET /my/cases). */
  ownPage(em: EntityManager, viewer: Principal, q: Pick<ComplaintQueryDto, 'cursor' | 'limit'>) {
    return this.repo.list(em, { complainantUserId: viewer.userId }, q);
  }

  async list(viewer: Principal, query: ComplaintQueryDto): Promise<ComplaintPageDto> {
    const em = this.tx.manager;
    const page = await this.repo.list(em, this.scopeOf(viewer), query);
    const ids = page.items.map((c) => c.employerId);
    const employers = await this.employers.byIds(em, ids);
    const list = page.items.map((c) => ({ complaint: c, employer: employers.get(c.employerId)! }));
    return { items: await this.views.many(em, list, viewer, 'complaint.list'), nextCursor: page.nextCursor };
  }

  async events(viewer: Principal, id: string): Promise<CaseEventView[]> {
    await this.visibleOrThrow(this.tx.manager, viewer, id);
    return this.audit.timeline(this.tx.manager, CASE, id);
  }

  async clocks(viewer: Principal, id: string): Promise<ClockView[]> {
    await this.visibleOrThrow(this.tx.manager, viewer, id);
    return this.deadlines.forCase(CASE, id, todayInShanghai(), this.tx.manager);
  }

  /**
   * Job handler body: acknowledges receipt once (delivery is at least once). Complainants get an SMS with the
   * tracking number, sent before the acknowledgement is recorded so that a failed send is retried with the job; the
   * notification's dedup key keeps a retry from sending twice. An anonymous reporter, who left no number, finds the
   * acknowledgement in the report's message channel. The complaint row carries the mark (`acknowledged_at`, claimed
   * with the ACKNOWLEDGED event in one statement): a replay reads it with the complaint, and the claim's row lock
   * serialises concurrent deliveries.
   */
  async acknowledge(complaintId: string): Promise<void> {
    const c = await this.repo.findById(this.tx.manager, complaintId);
    if (!c || c.acknowledgedAt !== null) return;
    if (c.kind === 'COMPLAINT')
      await this.complainant.sendSms(c, {
        template: 'COMPLAINT_RECEIVED',
        dedupKey: `complaint-ack:${c.id}`,
        params: {},
      });
    // The mark and what records it, in one statement (no transaction: no listener acts on these events).
    await this.acknowledgement.claim(this.tx.manager, c);
  }
}
