import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { CasePartiesViews } from '../complaints/case-parties';
import { ComplaintsService } from '../complaints/complaints.service';
import { DeadlinesService, type ClockView } from '../deadlines/deadlines.service';
import { StaffDirectory } from '../staff/staff-directory.service';
import type { MediationCaseViewDto } from './dto/mediation.dto';
import type { MediationCase } from './entities/mediation-case.entity';
import { MEDIATION_CASE, mediationNotFound } from './mediation-case-writer';
import { MediationRepository, type CaseDetails } from './mediation.repository';

/**
 * The case view of mediation cases, built for a whole list page at once: one query for the sessions, the
 * agreements with their instalments and the parties (read with the page's cases by a list), one for the clocks with
 * their events, the mediators (mostly from memory) and collective members, whatever the page size, instead of six or
 * seven per case (issue 17.3: the list made ~4 queries per item, one item after another).
 */
@Injectable()
export class MediationViews {
  constructor(
    private readonly repo: MediationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly staff: StaffDirectory,
    private readonly complaints: ComplaintsService,
    private readonly parties: CasePartiesViews,
  ) {}

  async one(em: EntityManager, viewer: Principal, id: string): Promise<MediationCaseViewDto> {
    const m = await this.repo.findCase(em, id);
    if (!m) throw mediationNotFound();
    return (await this.many(em, viewer, [m]))[0];
  }

  /**
   * The cases' views, as `viewer` may see them (the parties: case-parties.ts; `purpose` names the read of a phone in
   * full). What the caller has read already is not read again: `clocks` (a case file reads them for all its
   * proceedings), `details` (a list page reads them with its cases).
   */
  async many(
    em: EntityManager,
    viewer: Principal,
    cases: readonly MediationCase[],
    {
      clocks,
      details: known,
      purpose = 'mediation.view',
    }: {
      clocks?: ReadonlyMap<string, ClockView[]>;
      details?: ReadonlyMap<string, CaseDetails>;
      purpose?: string;
    } = {},
  ): Promise<MediationCaseViewDto[]> {
    const ids = cases.map((m) => m.id);
    const disputeIds = [
      ...new Set(cases.flatMap((m) => (m.collectiveDisputeId ? [m.collectiveDisputeId] : []))),
    ];
    const read = known ? Promise.resolve(known) : this.repo.detailsOfCases(em, ids);
    // The parties as soon as the details are there: a record of the read goes beside the other reads, not after them.
    const shown = read.then((d) =>
      this.parties.show(
        em,
        viewer,
        cases.map((m) => d.get(m.id)!.parties),
        purpose,
      ),
    );
    const [details, parties, clocksOf, mediators, members] = await Promise.all([
      read,
      shown,
      clocks ?? this.deadlines.forCases(em, MEDIATION_CASE, ids),
      this.staff.describe(
        em,
        cases.map((m) => m.mediatorUserId),
      ),
      Promise.all(disputeIds.map(async (d) => [d, await this.complaints.disputeMembers(em, d)] as const)),
    ]);
    const membersOf = new Map(members);
    return cases.map((m, i) => {
      const clock = (clocksOf.get(m.id) ?? []).find((c) => c.rule.id === 'MEDIATION');
      const { sessions = [], agreement = null } = details.get(m.id) ?? {};
      return {
        id: m.id,
        caseNo: m.caseNo,
        complaintId: m.complaintId,
        collectiveDisputeId: m.collectiveDisputeId,
        ...parties[i],
        members: m.collectiveDisputeId ? (membersOf.get(m.collectiveDisputeId) ?? []) : [],
        organisationId: m.organisationId,
        mediatorUserId: m.mediatorUserId,
        mediator: (m.mediatorUserId && mediators.get(m.mediatorUserId)) || null,
        streetCode: m.streetCode,
        status: m.status,
        version: m.version,
        outcome: m.outcome,
        outcomeNote: m.outcomeNote,
        openedOn: m.openedOn,
        closedOn: m.closedOn,
        createdAt: m.createdAt.toISOString(),
        deadline: clock
          ? {
              due: clock.due,
              state: clock.state,
              daysRemaining: clock.daysRemaining,
              provisional: clock.provisional,
            }
          : null,
        sessions: sessions.map((s) => ({
          id: s.id,
          startsAt: s.startsAt,
          place: s.place,
          onlineLink: s.onlineLink,
          notes: s.notes,
          cancelledAt: s.cancelledAt ?? null,
        })),
        agreement: agreement
          ? {
              status: agreement.status,
              claims: agreement.claims,
              totalFen: agreement.totalFen,
              signedOn: agreement.signedOn,
              instalments: agreement.instalments.map((p) => ({
                id: p.id,
                seq: p.seq,
                dueOn: p.dueOn,
                amountFen: p.amountFen,
                paidOn: p.paidOn,
                status: p.status,
              })),
            }
          : null,
      };
    });
  }
}
