import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintsService } from '../complaints/complaints.service';
import { DeadlinesService, type ClockView } from '../deadlines/deadlines.service';
import { StaffDirectory } from '../staff/staff-directory.service';
import type { MediationCaseViewDto } from './dto/mediation.dto';
import type { MediationCase } from './entities/mediation-case.entity';
import { MEDIATION_CASE, mediationNotFound } from './mediation-case-writer';
import { MediationRepository, type CaseDetails } from './mediation.repository';

/**
 * The case view of mediation cases, built for a whole list page at once: one query for the sessions and the
 * agreements with their instalments, one for the clocks with their events, the mediators (mostly from memory) and
 * collective members, whatever the page size, instead of six or seven per case (issue 17.3: the list made ~4 queries
 * per item, one item after another).
 */
@Injectable()
export class MediationViews {
  constructor(
    private readonly repo: MediationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly staff: StaffDirectory,
    private readonly complaints: ComplaintsService,
  ) {}

  async one(em: EntityManager, id: string): Promise<MediationCaseViewDto> {
    const m = await this.repo.findCase(em, id);
    if (!m) throw mediationNotFound();
    return (await this.many(em, [m]))[0];
  }

  /**
   * The cases' views. What the caller has read already is not read again: `clocks` (a case file reads them for all its
   * proceedings), `details` (a list page reads them with its cases).
   */
  async many(
    em: EntityManager,
    cases: readonly MediationCase[],
    {
      clocks,
      details: known,
    }: { clocks?: ReadonlyMap<string, ClockView[]>; details?: ReadonlyMap<string, CaseDetails> } = {},
  ): Promise<MediationCaseViewDto[]> {
    const ids = cases.map((m) => m.id);
    const disputeIds = [
      ...new Set(cases.flatMap((m) => (m.collectiveDisputeId ? [m.collectiveDisputeId] : []))),
    ];
    const [details, clocksOf, mediators, members] = await Promise.all([
      known ?? this.repo.detailsOfCases(em, ids),
      clocks ?? this.deadlines.forCases(em, MEDIATION_CASE, ids),
      this.staff.describe(
        em,
        cases.map((m) => m.mediatorUserId),
      ),
      Promise.all(disputeIds.map(async (d) => [d, await this.complaints.disputeMembers(em, d)] as const)),
    ]);
    const membersOf = new Map(members);
    return cases.map((m) => {
      const clock = (clocksOf.get(m.id) ?? []).find((c) => c.rule.id === 'MEDIATION');
      const { sessions = [], agreement = null } = details.get(m.id) ?? {};
      return {
        id: m.id,
        caseNo: m.caseNo,
        complaintId: m.complaintId,
        collectiveDisputeId: m.collectiveDisputeId,
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
