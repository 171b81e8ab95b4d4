import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import type { Complaint } from './entities/complaint.entity';
import { rerouteDecision, type ProceedingOnComplaint } from './reroute.rules';
import type { RouteTarget } from './routing.rules';

/** Every mediation, arbitration and inspection case on a complaint or its collective dispute, oldest first. */
export type ProceedingsLookup = (
  em: EntityManager,
  c: Pick<Complaint, 'id' | 'collectiveDisputeId'>,
) => Promise<ProceedingOnComplaint[]>;

/**
 * Whether a routed complaint may go to another body (reroute.rules.ts). The proceedings are the owning modules'
 * answer, registered here by the case file (lower rooms never ask upper ones), read under the complaint's lock.
 */
@Injectable()
export class RerouteCheck {
  private lookup: ProceedingsLookup | null = null;

  registerLookup(lookup: ProceedingsLookup): void {
    this.lookup = lookup;
  }

  /** 409 REROUTE_NOT_ALLOWED (details: why, and the proceeding that stops it); else the ground of the re-route. */
  async assertReroutable(
    em: EntityManager,
    c: Complaint,
    target: RouteTarget,
  ): Promise<'NO_CASE_OPENED' | 'PROCEEDING_ENDED_UNDECIDED'> {
    if (!this.lookup) throw new Error('No proceedings lookup registered for re-routing');
    const from = c.routeTarget!;
    // 调解仲裁法 第七条: a collective dispute's members go together; one member is not sent elsewhere alone.
    if (c.collectiveDisputeId)
      throw AppException.conflict(
        'REROUTE_NOT_ALLOWED',
        'A collective dispute is not re-routed member by member',
        {
          reason: 'COLLECTIVE_DISPUTE',
          routeTarget: from,
          target,
        },
      );
    const d = rerouteDecision(from, target, await this.lookup(em, c));
    if (!d.ok)
      throw AppException.conflict('REROUTE_NOT_ALLOWED', REFUSALS[d.reason], {
        reason: d.reason,
        routeTarget: from,
        target,
        ...(d.proceeding
          ? {
              proceeding: d.proceeding.proceeding,
              caseId: d.proceeding.caseId,
              status: d.proceeding.status,
              closureType: d.proceeding.closureType,
            }
          : {}),
      });
    return d.ground;
  }
}

const REFUSALS = {
  SAME_TARGET: 'The complaint is already routed there',
  PROCEEDING_OPEN: 'A proceeding on the complaint is open: it ends there first',
  MATTER_DECIDED: 'A proceeding on the complaint decided the matter',
} as const;
