import type { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { EmployersService } from '../reference/employers.service';
import { CollectiveRepository } from './collective.repository';
import { CollectiveEligibility } from './collective-eligibility';
import { EXCLUDED_STATUSES } from './collective-eligibility.rules';
import {
  actsForDispute,
  COLLECTIVE_MIN_WORKERS,
  COLLECTIVE_WINDOW_DAYS,
  REPRESENTATIVES_MAX,
  REPRESENTATIVES_MIN,
  representativesCountOk,
  stillInDispute,
} from './collective.rules';
import type { ComplaintCategory } from './complaint.constants';

export interface CollectiveProposal {
  employer: { id: string; name: string; nameConfirmed: boolean };
  category: string;
  workers: number;
  complaintIds: string[];
  firstReceived: string;
  lastReceived: string;
  basis: string;
}

export interface CollectiveDisputeView {
  id: string;
  employerId: string;
  category: string;
  priority: boolean;
  representativeComplaintIds: string[];
  members: { complaintId: string; trackingNo: string; claimedAmountFen: number | null }[];
  createdAt: string;
}

/** One worker, one key: the ID number's blind index (equal numbers, equal index), else the account. */
const workerKey = (c: { complainantIdNumberBidx: string | null; complainantUserId: string | null }) =>
  c.complainantIdNumberBidx ?? c.complainantUserId ?? '';

/** Proposes, confirms and dismisses collective disputes (调解仲裁法 第七条). */
@Injectable()
export class CollectiveService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: CollectiveRepository,
    private readonly employers: EmployersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly eligibility: CollectiveEligibility,
  ) {}

  private scope(viewer: Principal): string[] {
    return viewer.jurisdictions.filter((j) => /^\d{2,12}$/.test(j));
  }

  async proposals(viewer: Principal, today = todayInShanghai()): Promise<CollectiveProposal[]> {
    const em = this.tx.manager;
    // Only claims still pending and handled in no proceeding of their own (audit 2026-12-07: a settled one was proposed).
    const rows = await this.eligibility.narrow(
      em,
      await this.repo.proposals(em, {
        prefixes: this.scope(viewer),
        today,
        windowDays: COLLECTIVE_WINDOW_DAYS,
        minWorkers: COLLECTIVE_MIN_WORKERS,
        excludedStatuses: EXCLUDED_STATUSES,
      }),
      COLLECTIVE_MIN_WORKERS,
    );
    const employers = await this.employers.byIds(
      em,
      rows.map((r) => r.employer_id),
    );
    return rows.map((r) => ({
      employer: {
        id: r.employer_id,
        name: employers.get(r.employer_id)?.name ?? '',
        nameConfirmed: employers.get(r.employer_id)?.nameConfirmed ?? false,
      },
      category: r.category,
      workers: r.workers,
      complaintIds: r.complaint_ids,
      firstReceived: r.first_received,
      lastReceived: r.last_received,
      basis: '劳动争议调解仲裁法 第七条',
    }));
  }

  /** Confirms a collective dispute: links the complaints (each keeps its own claim) and records the representatives. */
  async confirm(
    viewer: Principal,
    dto: {
      employerId: string;
      category: ComplaintCategory;
      complaintIds: string[];
      representativeComplaintIds?: string[];
    },
  ): Promise<CollectiveDisputeView> {
    const ids = [...new Set(dto.complaintIds)];
    const reps = [...new Set(dto.representativeComplaintIds ?? [])];
    return this.tx.run(async (em) => {
      const complaints = await this.repo.lockComplaints(em, ids);
      const visible = complaints.filter((c) => coversJurisdiction(viewer, c.workplaceStreetCode));
      const errors: FieldError[] = [];
      if (visible.length !== ids.length)
        errors.push(
          fieldError(
            'complaintIds',
            'jurisdiction',
            '每件投诉都须存在且在您的管辖范围内',
            'every complaint must exist and be in your jurisdiction',
          ),
        );
      const wrong = visible.filter(
        (c) => c.kind !== 'COMPLAINT' || c.employerId !== dto.employerId || c.category !== dto.category,
      );
      if (wrong.length)
        errors.push(
          fieldError(
            'complaintIds',
            'sameEmployerAndCategory',
            `以下投诉不属于该用人单位和类别：${wrong.map((c) => c.trackingNo).join(', ')}`,
            `complaints not of this employer and category: ${wrong.map((c) => c.trackingNo).join(', ')}`,
          ),
        );
      const linked = visible.filter((c) => c.collectiveDisputeId);
      if (linked.length)
        errors.push(
          fieldError(
            'complaintIds',
            'notLinked',
            `以下投诉已并入集体争议：${linked.map((c) => c.trackingNo).join(', ')}`,
            `already in a collective dispute: ${linked.map((c) => c.trackingNo).join(', ')}`,
          ),
        );
      const workers = new Set(visible.map(workerKey));
      if (workers.size < COLLECTIVE_MIN_WORKERS)
        errors.push(
          fieldError(
            'complaintIds',
            'minWorkers',
            `集体争议须涉及至少 ${COLLECTIVE_MIN_WORKERS} 名不同的劳动者（调解仲裁法第七条），现为 ${workers.size} 名`,
            `a collective dispute needs at least ${COLLECTIVE_MIN_WORKERS} distinct workers (调解仲裁法 第七条); got ${workers.size}`,
          ),
        );
      if (!representativesCountOk(reps.length))
        errors.push(
          fieldError(
            'representativeComplaintIds',
            'arraySize',
            `推举代表的，须为 ${REPRESENTATIVES_MIN} 至 ${REPRESENTATIVES_MAX} 名（也可不推举）`,
            `elect ${REPRESENTATIVES_MIN} to ${REPRESENTATIVES_MAX} representatives, or none`,
          ),
        );
      if (reps.some((r) => !ids.includes(r)))
        errors.push(
          fieldError(
            'representativeComplaintIds',
            'amongLinked',
            '代表须来自并入的投诉',
            'representatives must be among the linked complaints',
          ),
        );
      if (errors.length) throw AppException.validation(errors);
      // 调解仲裁法 第七条: only claims still pending and handled in no proceeding of their own (409, each named).
      await this.eligibility.assertEligible(
        em,
        ids.map((x) => visible.find((c) => c.id === x)!),
      );
      const id = newId();
      await this.repo.insertDispute(em, {
        id,
        employerId: dto.employerId,
        category: dto.category,
        representativeComplaintIds: reps,
        confirmedBy: viewer.userId,
      });
      await this.repo.linkComplaints(em, id, ids);
      for (const c of visible)
        await this.audit.append(em, {
          caseType: 'COMPLAINT',
          caseId: c.id,
          action: 'COLLECTIVE_DISPUTE_CONFIRMED',
          actor: viewer,
          data: { collectiveDisputeId: id, workers: workers.size, representative: reps.includes(c.id) },
        });
      // Early warning: collective cases are features; rescore the employer (deduplicated per employer).
      await this.outbox.enqueue(em, JobName.RiskRescoreEmployer, { employerId: dto.employerId });
      return this.view(em, id);
    });
  }

  /**
   * Dismisses a proposal the caller can see: one of the proposals of their own jurisdictions (else 404, also
   * when the employer does not exist), so staff of one street cannot hide another street's proposal.
   */
  async dismiss(viewer: Principal, employerId: string, category: ComplaintCategory): Promise<void> {
    const today = todayInShanghai();
    const visible = await this.proposals(viewer, today);
    if (!visible.some((p) => p.employer.id === employerId && p.category === category))
      throw AppException.notFound('COLLECTIVE_PROPOSAL_NOT_FOUND', 'No such collective proposal');
    await this.tx.run((em) => this.repo.dismiss(em, employerId, category, today, viewer.userId));
  }

  /**
   * Each member's own claim in a collective dispute (调解仲裁法 第七条: the case is every member's), oldest first, without
   * the withdrawn or rejected: the member's tracking number and request, and the amount claimed (null when none: not a claim to money).
   */
  async disputeClaims(
    em: EntityManager,
    disputeId: string,
  ): Promise<
    { complaintId: string; category: ComplaintCategory; description: string; amountFen: number | null }[]
  > {
    return (await this.repo.membersOf(em, disputeId))
      .filter((c) => stillInDispute(c.status))
      .map((c) => ({
        complaintId: c.id,
        category: c.category,
        description: `${c.trackingNo}：${c.requests}`.slice(0, 1000),
        amountFen: c.claimedAmountFen,
      }));
  }

  /**
   * Whether the worker acts for the whole group of the collective dispute, as its representative or, with none
   * elected, as a member still in it (collective.rules.ts actsForDispute). Staff never act for the group: they carry a
   * worker's recorded request.
   */
  async workerActsFor(em: EntityManager, viewer: Principal, disputeId: string): Promise<boolean> {
    if (viewer.role !== 'WORKER') return false;
    const dispute = await this.repo.findDispute(em, disputeId);
    if (!dispute) return false;
    const members = (await this.repo.membersOf(em, disputeId)).map((c) => ({
      complaintId: c.id,
      status: c.status,
      own: c.complainantUserId === viewer.userId,
    }));
    return actsForDispute(members, dispute.representativeComplaintIds);
  }

  /**
   * 403 NOT_ACTING_FOR_COLLECTIVE_DISPUTE unless the worker acts for the whole group of the dispute (workerActsFor):
   * the step they take (an escalation, a direct application) is the group's, not only their own.
   */
  async assertWorkerActsFor(em: EntityManager, viewer: Principal, disputeId: string): Promise<void> {
    if (!(await this.workerActsFor(em, viewer, disputeId)))
      throw AppException.forbidden(
        'NOT_ACTING_FOR_COLLECTIVE_DISPUTE',
        "Only the dispute's representatives, or with none a member still in it, apply for the group",
      );
  }

  async get(viewer: Principal, id: string): Promise<CollectiveDisputeView> {
    const view = await this.view(this.tx.manager, id);
    const members = await this.repo.membersOf(this.tx.manager, id);
    if (!members.some((c) => coversJurisdiction(viewer, c.workplaceStreetCode)))
      throw AppException.notFound('COLLECTIVE_DISPUTE_NOT_FOUND', 'No such collective dispute');
    return view;
  }

  private async view(
    em: Parameters<CollectiveRepository['findDispute']>[0],
    id: string,
  ): Promise<CollectiveDisputeView> {
    const d = await this.repo.findDispute(em, id);
    if (!d) throw AppException.notFound('COLLECTIVE_DISPUTE_NOT_FOUND', 'No such collective dispute');
    const members = await this.repo.membersOf(em, id);
    return {
      id: d.id,
      employerId: d.employerId,
      category: d.category,
      priority: d.priority,
      representativeComplaintIds: d.representativeComplaintIds,
      members: members.map((c) => ({
        complaintId: c.id,
        trackingNo: c.trackingNo,
        claimedAmountFen: c.claimedAmountFen,
      })),
      createdAt: d.createdAt.toISOString(),
    };
  }
}
