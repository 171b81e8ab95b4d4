import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { todayInShanghai } from '../calendar/local-date';
import { OrganisationsService } from '../reference/organisations.service';
import type { Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { CollectiveRepository } from './collective.repository';
import { stillInDispute } from './collective.rules';
import { ComplaintNotices } from './complaint-notices';
import { OpenArbitrationCheck, type ArbitrationOverride } from './open-arbitration';
import { ComplaintTakeUp } from './complaint-take-up';
import { canTransition, COMPLAINT_TRANSITIONS } from './complaint.state';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { RoutingInbox } from './routing-inbox';
import { RerouteCheck } from './reroute-check';
import type { ComplaintViewDto, RoutingSuggestionDto } from './dto/complaint-view.dto';
import type { Complaint } from './entities/complaint.entity';
import {
  collectiveRouting,
  ROUTE_ORGANISATION_KIND,
  ROUTE_TARGETS_BY_KIND,
  suggestRoute,
  type RouteTarget,
} from './routing.rules';

/**
 * Where an accepted complaint goes. A member of a confirmed collective dispute (调解仲裁法 第七条) goes with the whole
 * group: routing one routes every member still in the dispute to the same body, in one transaction.
 */
@Injectable()
export class RoutingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ComplaintsRepository,
    private readonly collective: CollectiveRepository,
    private readonly complaints: ComplaintsService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly notices: ComplaintNotices,
    private readonly inbox: RoutingInbox,
    private readonly takeUp: ComplaintTakeUp,
    private readonly arbitration: OpenArbitrationCheck,
    private readonly reroute: RerouteCheck,
  ) {}

  /** Where the complaint should go, with the reasons, and the body that would take it. */
  async suggestion(viewer: Principal, id: string): Promise<RoutingSuggestionDto> {
    const em = this.tx.manager;
    const c = await this.complaints.assertVisible(viewer, id, em);
    const members = c.collectiveDisputeId ? await this.collective.membersOf(em, c.collectiveDisputeId) : [];
    const s = suggestRoute({
      kind: c.kind,
      category: c.category,
      claimedAmountFen: c.claimedAmountFen,
      affectedWorkers: Math.max(c.affectedWorkers, members.length),
      wantsArbitration: c.wantsArbitration,
    });
    const org = await this.organisations.serving(
      em,
      ROUTE_ORGANISATION_KIND[s.target],
      c.workplaceStreetCode,
    );
    const duplicate = c.duplicateReview === null ? c.possibleDuplicateOf : null;
    const reasons = [...s.reasons];
    if (c.collectiveDisputeId) reasons.push(collectiveRouting(members.length));
    if (duplicate)
      reasons.push({
        code: 'POSSIBLE_DUPLICATE',
        text: '可能与30日内同一投诉人、同一用人单位、同类请求的投诉重复，请先核实',
        basis: '平台规则',
      });
    return {
      target: s.target,
      organisation: org ? { id: org.id, name: org.name } : null,
      reasons,
      possibleDuplicateOf: duplicate,
      collectiveDispute: c.collectiveDisputeId
        ? {
            id: c.collectiveDisputeId,
            workers: members.length,
            trackingNos: members.map((m) => m.trackingNo),
          }
        : null,
    };
  }

  /**
   * Routes an accepted complaint to mediation, arbitration or inspection (default body: the one serving its street).
   * A collective dispute's members are routed together; a member not yet accepted stops the routing (409
   * COLLECTIVE_MEMBERS_PENDING, with their tracking numbers), members withdrawn or refused are left out.
   */
  async route(
    viewer: Principal,
    id: string,
    dto: { target: RouteTarget; organisationId?: string; note?: string; override?: { reason: string } },
  ): Promise<ComplaintViewDto> {
    await this.tx.run(async (em) => {
      const lead = await this.complaints.assertVisible(viewer, id, em);
      const group = lead.collectiveDisputeId
        ? await this.collective.lockComplaints(
            em,
            (await this.collective.membersOf(em, lead.collectiveDisputeId)).map((m) => m.id),
          )
        : [(await this.repo.lockForUpdate(em, id))!];
      const c = group.find((m) => m.id === id)!;
      assertRoutable(c);
      // Routed already: to another body only as reroute.rules.ts allows (409 REROUTE_NOT_ALLOWED otherwise).
      const rerouted = c.status === 'ROUTED' ? await this.reroute.assertReroutable(em, c, dto.target) : null;
      assertTargetOfKind(c, dto.target);
      const kind = ROUTE_ORGANISATION_KIND[dto.target];
      const org = dto.organisationId
        ? await this.organisations.byId(em, dto.organisationId)
        : await this.organisations.serving(em, kind, c.workplaceStreetCode);
      if (!org || org.kind !== kind || !c.workplaceStreetCode.startsWith(org.jurisdictionCode))
        throw AppException.validation([
          fieldError(
            'organisationId',
            'servesStreet',
            `organisationId 须为服务街道 ${c.workplaceStreetCode} 的 ${kind} 机构`,
            `organisationId must be a ${kind} serving street ${c.workplaceStreetCode}`,
          ),
        ]);
      const others = group.filter((m) => m.id !== id && stillInDispute(m.status));
      const pending = others.filter((m) => m.status !== 'ACCEPTED' && m.status !== 'ROUTED');
      if (pending.length)
        throw AppException.conflict(
          'COLLECTIVE_MEMBERS_PENDING',
          'Every member of the collective dispute must be accepted before the group is routed',
          { pending: pending.map((m) => m.trackingNo), allowed: ['POST /api/v1/complaints/:id/accept'] },
        );
      for (const m of others.filter((x) => x.status === 'ACCEPTED')) assertRoutable(m);
      const routed = [c, ...others.filter((x) => x.status === 'ACCEPTED')];
      // Not to mediation while the dispute is in arbitration (409 ARBITRATION_IN_PROGRESS).
      if (dto.target === 'MEDIATION')
        for (const m of routed) await this.arbitration.assertNoneForMediation(em, m);
      // Nowhere silently once arbitration holds the dispute (pending or decided); to inspection on an override.
      const act = `ROUTE_${dto.target}` as const;
      for (const m of routed) {
        const overridden = await this.arbitration.assertNotInArbitration(em, m, act, dto);
        await this.routeOne(
          em,
          viewer,
          m,
          dto.target,
          org,
          dto.note ?? null,
          lead.collectiveDisputeId,
          overridden,
          m.id === c.id ? rerouted : null,
        );
      }
    });
    return this.complaints.get(viewer, id);
  }

  private async routeOne(
    em: EntityManager,
    viewer: Principal,
    c: Complaint,
    target: RouteTarget,
    org: { id: string; name: string },
    note: string | null,
    collectiveDisputeId: string | null,
    overridden: ArbitrationOverride | null,
    rerouted: 'NO_CASE_OPENED' | 'PROCEEDING_ENDED_UNDECIDED' | null = null,
  ): Promise<void> {
    await this.repo.update(em, c.id, {
      status: 'ROUTED',
      routeTarget: target,
      routeOrganisationId: org.id,
      routedAt: new Date(),
    });
    await this.audit.append(em, {
      caseType: 'COMPLAINT',
      caseId: c.id,
      action: rerouted ? 'REROUTED' : 'ROUTED',
      fromStatus: c.status,
      toStatus: 'ROUTED',
      actor: viewer,
      data: {
        ...(rerouted
          ? {
              fromTarget: c.routeTarget,
              fromOrganisationId: c.routeOrganisationId,
              fromOrganisationName: (await this.organisations.byId(em, c.routeOrganisationId!))?.name ?? null,
              ground: rerouted,
            }
          : {}),
        target,
        organisationId: org.id,
        organisationName: org.name,
        note,
        collectiveDisputeId,
        ...(overridden ? { arbitrationOverride: overridden } : {}),
      },
    });
    // The body has 5 working days to open the case (COMPLAINT_TAKE_UP): a routed complaint is never left unseen. A
    // mis-routed one's period with the first body ends (REROUTED: neither met nor late), the new body's starts.
    if (rerouted) await this.takeUp.rerouted(em, c, viewer);
    await this.takeUp.routed(em, c, todayInShanghai());
    // Each member is told where the dispute went (a report: on its channel).
    await this.notices.routed(em, c, target, org);
    // The body's staff for the street are told (14.3).
    await this.inbox.routed(em, {
      complaintId: c.id,
      target,
      organisationId: org.id,
      streetCode: c.workplaceStreetCode,
    });
  }
}

/** 400 on `target` when the complaint's kind may not go there: a report (举报) goes to inspection only. */
function assertTargetOfKind(c: Complaint, target: RouteTarget): void {
  const allowed = ROUTE_TARGETS_BY_KIND[c.kind];
  if (!allowed.includes(target))
    throw AppException.validation([
      fieldError(
        'target',
        'partyProceeding',
        `举报无投诉当事人，只能转交劳动保障监察机构（劳动保障监察条例第九条）；调解、仲裁须由当事人申请`,
        `a report names no party: it goes to the inspectorate only; mediation and arbitration need a party who applies`,
        { allowed },
      ),
    ]);
}

/** 409 unless the complaint may be routed now (its status, an unreviewed duplicate flag). */
function assertRoutable(c: Complaint): void {
  if (!canTransition(c.status, 'ROUTED'))
    throw AppException.conflict('ILLEGAL_TRANSITION', `A complaint in status ${c.status} cannot be routed`, {
      status: c.status,
      allowed: COMPLAINT_TRANSITIONS[c.status],
    });
  if (c.possibleDuplicateOf && c.duplicateReview === null)
    throw AppException.conflict(
      'POSSIBLE_DUPLICATE_UNREVIEWED',
      'Confirm or dismiss the possible duplicate first',
      {
        possibleDuplicateOf: c.possibleDuplicateOf,
        trackingNo: c.trackingNo,
      },
    );
}
