import { Injectable } from '@nestjs/common';
import { OrganisationsService } from '../reference/organisations.service';
import type { Principal } from '../auth/roles';
import { CasePartiesViews } from '../complaints/case-parties';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ARBITRATION_CASE_TYPE, type ArbitrationStatus } from './arbitration.constants';
import { ArbitrationRepository } from './arbitration.repository';
import type { ArbitrationCasePageDto } from './dto/arbitration-queue.dto';

export interface ArbitrationQueueQuery {
  status?: ArbitrationStatus;
  /** A tribunal member's user id. */
  member?: string;
  /** `me`: the caller's own cases (tribunal member). */
  assignee?: 'me';
  /** Cases with a running period that ends within N calendar days (or has ended). */
  dueWithinDays?: number;
  cursor?: string;
  limit?: number;
}

/**
 * The arbitration work queue (14.3): GET /api/v1/arbitration/cases. An arbitrator's scope is the commission; other
 * staff see the cases of their streets.
 */
@Injectable()
export class ArbitrationQueueService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ArbitrationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly organisations: OrganisationsService,
    private readonly caseParties: CasePartiesViews,
  ) {}

  async list(viewer: Principal, q: ArbitrationQueueQuery): Promise<ArbitrationCasePageDto> {
    const em = this.tx.manager;
    const commission =
      viewer.role === 'ARBITRATOR' && viewer.organisationId
        ? await this.organisations.byId(em, viewer.organisationId)
        : null;
    const scope =
      commission?.kind === 'ARBITRATION_COMMISSION'
        ? { commissionId: commission.id }
        : { prefixes: viewer.jurisdictions };
    let ids: string[] | undefined;
    if (q.dueWithinDays !== undefined) {
      // The clocks of the scope's area that end within the horizon (the commission's district for an arbitrator).
      const area = commission ? { ...viewer, jurisdictions: [commission.jurisdictionCode] } : viewer;
      const clocks = await this.deadlines.dueWithin(area, q.dueWithinDays, 'DAY');
      ids = [...new Set(clocks.filter((k) => k.caseType === ARBITRATION_CASE_TYPE).map((k) => k.caseId))];
    }
    const { page, parties: read } = await this.repo.list(em, scope, {
      status: q.status,
      memberId: q.assignee === 'me' ? viewer.userId : q.member,
      ids,
      cursor: q.cursor,
      limit: q.limit,
    });
    const parties = await this.caseParties.show(
      em,
      viewer,
      page.items.map((c) => read.get(c.id)!.parties),
      'arbitration.queue',
    );
    return {
      items: page.items.map((c, i) => ({
        id: c.id,
        caseNo: c.caseNo,
        complaintId: c.complaintId,
        ...parties[i],
        source: c.source,
        status: c.status,
        jurisdictionCode: c.jurisdictionCode,
        collective: c.collective,
        tribunal: c.tribunal,
        arbitratorIds: c.arbitratorIds,
        appliedOn: c.appliedOn,
        acceptedOn: c.acceptedOn,
        closedOn: c.closedOn,
        closureType: c.closureType,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
