import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { StaffInbox } from '../notifications/staff-inbox';
import { bodyInCharge } from './complaint-take-up';
import type { RouteTarget } from './routing.rules';

/**
 * Routing a complaint puts an item in the inbox of the body's staff for the street (14.3): the mediators of the
 * street's committee, the inspectors of the brigade who cover the street, or the arbitrators of the commission
 * (whose scope is the whole commission).
 */
@Injectable()
export class RoutingInbox {
  constructor(
    private readonly users: UsersService,
    private readonly inbox: StaffInbox,
  ) {}

  async routed(
    em: EntityManager,
    c: { complaintId: string; target: RouteTarget; organisationId: string; streetCode: string },
  ): Promise<void> {
    const who = bodyInCharge(c.target, c.organisationId, c.streetCode);
    const staff = await this.users.staffOfOrganisation(em, who.role, who.organisationId, who.streetCode);
    await this.inbox.post(em, staff, {
      template: 'COMPLAINT_ROUTED_TO_BODY',
      subjectRef: `complaint:${c.complaintId}`,
      dedupKey: `routed:${c.complaintId}:${c.organisationId}`,
    });
  }
}
