import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal, Role } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { todayInShanghai } from '../calendar/local-date';
import { DeadlineReminders } from '../deadlines/deadline-reminders.service';
import { staffByCase, type CaseStaff } from '../deadlines/reminder-recipients';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { UndeliveredSms } from '../notifications/undelivered-sms';
import { CollectiveRepository } from './collective.repository';
import { ComplaintsRepository } from './complaints.repository';
import type { Complaint } from './entities/complaint.entity';
import type { RouteTarget } from './routing.rules';

const CASE = 'COMPLAINT' as const;

/** Whose duty a routed complaint is: that body's staff of the matching role. */
export const ROLE_OF_TARGET: Readonly<Record<RouteTarget, Role>> = {
  MEDIATION: 'MEDIATOR',
  INSPECTION: 'INSPECTOR',
  ARBITRATION: 'ARBITRATOR',
};

/**
 * Who must act on a complaint, as the deadline reminders ask (14.3): an undecided complaint (its 5 working days to be
 * accepted or refused, 若干规定 第十八条) is the duty of the street's mediators and inspectors, who decide intake; a
 * routed complaint (COMPLAINT_TAKE_UP) that of the body's staff — the committee's mediators and the brigade's
 * inspectors who cover the street, the commission's arbitrators.
 */
export type BodyInCharge = { kind: 'BODY'; role: Role; organisationId: string; streetCode: string | null };
export type InCharge = { kind: 'STREET'; streetCode: string } | BodyInCharge;

/** The staff of the body a complaint is routed to: by street, but the commission's whole (the routing inbox too). */
export function bodyInCharge(target: RouteTarget, organisationId: string, streetCode: string): BodyInCharge {
  return {
    kind: 'BODY',
    role: ROLE_OF_TARGET[target],
    organisationId,
    streetCode: target === 'ARBITRATION' ? null : streetCode,
  };
}

export function inChargeOf(
  c: Pick<Complaint, 'status' | 'routeTarget' | 'routeOrganisationId' | 'workplaceStreetCode'>,
): InCharge | null {
  if (c.status === 'SUBMITTED') return { kind: 'STREET', streetCode: c.workplaceStreetCode };
  if (c.status !== 'ROUTED' || !c.routeTarget || !c.routeOrganisationId) return null;
  return bodyInCharge(c.routeTarget, c.routeOrganisationId, c.workplaceStreetCode);
}

/** The roles that decide a complaint's acceptance at the street, reminded of its period. */
const STREET_DECIDERS: readonly Role[] = ['MEDIATOR', 'INSPECTOR'];

/**
 * The clock of a routed complaint until its body opens the case (COMPLAINT_TAKE_UP): started by routing, stopped when
 * the mediation, arbitration application or inspection case is opened (or the complaint withdrawn), and the
 * complaint's clocks in the reminders of the staff in charge.
 */
@Injectable()
export class ComplaintTakeUp implements OnModuleInit {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly reminders: DeadlineReminders,
    private readonly repo: ComplaintsRepository,
    private readonly collective: CollectiveRepository,
    private readonly users: UsersService,
    private readonly undelivered: UndeliveredSms,
  ) {}

  onModuleInit(): void {
    this.reminders.registerAssignees(CASE, {
      subjectKind: 'complaint',
      assignees: (em, ids) => this.assignees(em, ids),
    });
    this.undelivered.registerStaffInCharge('complaint', (em, id) => this.staffToTell(em, id));
  }

  /**
   * Who phones the complainant when an SMS about the complaint cannot be delivered (undelivered-sms.ts): the staff of
   * the body it was routed to, whatever the case's step since; before routing (a 不予受理 notice among them) the
   * street's mediators and inspectors, who decide intake.
   */
  private async staffToTell(em: EntityManager, id: string): Promise<string[]> {
    const c = await this.repo.findById(em, id);
    if (!c) return [];
    return this.staffOf(
      em,
      c.routeTarget && c.routeOrganisationId
        ? bodyInCharge(c.routeTarget, c.routeOrganisationId, c.workplaceStreetCode)
        : { kind: 'STREET', streetCode: c.workplaceStreetCode },
    );
  }

  /** Routing started the body's period to open the case, from the routing day. */
  async routed(
    em: EntityManager,
    c: Pick<Complaint, 'id' | 'workplaceStreetCode'>,
    on: string,
  ): Promise<void> {
    await this.deadlines.start(em, {
      caseType: CASE,
      caseId: c.id,
      ruleId: 'COMPLAINT_TAKE_UP',
      start: on,
      jurisdictionCode: c.workplaceStreetCode,
    });
  }

  /** Re-routed (reroute.rules.ts): the first body's period to open the case, if still running, ends as REROUTED. */
  async rerouted(
    em: EntityManager,
    c: Pick<Complaint, 'id'>,
    actor: Pick<Principal, 'userId'> | null,
  ): Promise<void> {
    await this.deadlines.stopRule(
      em,
      CASE,
      c.id,
      'COMPLAINT_TAKE_UP',
      todayInShanghai(),
      actor,
      {},
      'REROUTED',
    );
  }

  /**
   * A proceeding opened on the complaint: its period stops — with `DISPUTE`, for every member of its collective
   * dispute, which one mediation or arbitration case serves (调解仲裁法 第七条); an inspection case is the complaint's.
   */
  async takenUp(
    em: EntityManager,
    c: Pick<Complaint, 'id' | 'collectiveDisputeId'>,
    scope: 'COMPLAINT' | 'DISPUTE',
    actor: Pick<Principal, 'userId'> | null,
  ): Promise<void> {
    const today = todayInShanghai();
    for (const id of await this.idsOf(em, c, scope))
      await this.deadlines.stopRule(em, CASE, id, 'COMPLAINT_TAKE_UP', today, actor);
  }

  /**
   * An arbitration application on the complaint (or its collective dispute): taken up as above, and a complaint not
   * yet decided (a direct application, 调解仲裁法 第五条) is no longer the channel's to accept — its acceptance period
   * (INSPECTION_ACCEPTANCE) ends, ENDED with reason ARBITRATION (监察条例 第二十一条第二款), neither met nor late; so
   * does a 补正 period the complainant was given (COMPLAINT_CORRECTION), which would otherwise lapse.
   */
  async takenUpByArbitration(
    em: EntityManager,
    c: Pick<Complaint, 'id' | 'collectiveDisputeId'>,
    actor: Pick<Principal, 'userId'> | null,
  ): Promise<void> {
    const today = todayInShanghai();
    for (const id of await this.idsOf(em, c, 'DISPUTE')) {
      await this.deadlines.stopRule(em, CASE, id, 'COMPLAINT_TAKE_UP', today, actor);
      await this.deadlines.stopRule(em, CASE, id, 'INSPECTION_ACCEPTANCE', today, actor, {}, 'ARBITRATION');
      // And the complainant's own period to complete it (补正): the application carries the dispute now.
      await this.deadlines.stopRule(em, CASE, id, 'COMPLAINT_CORRECTION', today, actor, {}, 'ARBITRATION');
    }
  }

  private async idsOf(
    em: EntityManager,
    c: Pick<Complaint, 'id' | 'collectiveDisputeId'>,
    scope: 'COMPLAINT' | 'DISPUTE',
  ): Promise<string[]> {
    return c.collectiveDisputeId && scope === 'DISPUTE'
      ? (await this.collective.membersOf(em, c.collectiveDisputeId)).map((m) => m.id)
      : [c.id];
  }

  /**
   * The staff in charge of each complaint (nobody is named on a complaint: its body's active staff); complaints of
   * one body and street share one lookup.
   */
  private async assignees(em: EntityManager, ids: string[]): Promise<Map<string, CaseStaff>> {
    const rows: { id: string; who: InCharge }[] = [];
    for (const id of ids) {
      const c = await this.repo.findById(em, id);
      const who = c ? inChargeOf(c) : null;
      if (who) rows.push({ id, who });
    }
    return staffByCase(rows, (r) => ({
      assigned: [],
      bodyKey: JSON.stringify(r.who),
      bodyStaff: () => this.staffOf(em, r.who),
    }));
  }

  private async staffOf(em: EntityManager, who: InCharge): Promise<string[]> {
    if (who.kind === 'BODY')
      return this.users.staffOfOrganisation(em, who.role, who.organisationId, who.streetCode);
    const staff = await Promise.all(
      STREET_DECIDERS.map((r) => this.users.staffCovering(em, r, who.streetCode)),
    );
    return staff.flat();
  }
}
