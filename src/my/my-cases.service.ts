import { Injectable } from '@nestjs/common';
import { ArbitrationService } from '../arbitration/arbitration.service';
import { AuditService, type CaseEventView } from '../audit/audit.service';
import { OrganisationsService } from '../auth/organisations.service';
import type { Principal } from '../auth/roles';
import { ComplaintsService } from '../complaints/complaints.service';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService, type ClockView } from '../deadlines/deadlines.service';
import { MediationService } from '../mediation/mediation.service';
import { plainDeadline } from './plain-deadline';

export interface MyCaseView {
  complaintId: string;
  trackingNo: string;
  /** Where the dispute is now: the latest proceeding and its status. */
  currentStep: { proceeding: 'COMPLAINT' | 'MEDIATION' | 'ARBITRATION'; id: string; status: string };
  /** The body holding the dispute now. */
  heldBy: { organisationId: string; name: string } | null;
  nextDeadline: { due: string; state: string; text: string; citation: string } | null;
  deadlines: { proceeding: string; rule: string; due: string | null; state: string; text: string }[];
  timeline: CaseEventView[];
}

/** The worker's one file: complaint → mediation → arbitration as one story. */
@Injectable()
export class MyCasesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly complaints: ComplaintsService,
    private readonly mediation: MediationService,
    private readonly arbitration: ArbitrationService,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
  ) {}

  async get(viewer: Principal, complaintId: string): Promise<MyCaseView> {
    const em = this.tx.manager;
    const complaint = await this.complaints.assertVisible(viewer, complaintId, em);
    const mediations = await this.mediation.casesOfComplaint(em, complaint.id);
    const arbitrations = await this.arbitration.casesOfComplaint(em, complaint.id);
    const lastMediation = mediations.at(-1);
    const lastArbitration = arbitrations.at(-1);
    const currentStep = lastArbitration
      ? { proceeding: 'ARBITRATION' as const, id: lastArbitration.id, status: lastArbitration.status }
      : lastMediation
        ? { proceeding: 'MEDIATION' as const, id: lastMediation.id, status: lastMediation.status }
        : { proceeding: 'COMPLAINT' as const, id: complaint.id, status: complaint.status };
    const holderId = lastArbitration
      ? (await this.organisations.serving(em, 'ARBITRATION_COMMISSION', complaint.workplaceStreetCode))?.id
      : (lastMediation?.organisationId ?? complaint.routeOrganisationId);
    const holder = holderId ? await this.organisations.byId(em, holderId) : null;

    const clocks: { proceeding: string; clock: ClockView }[] = [];
    for (const c of await this.deadlines.forCase('COMPLAINT', complaint.id))
      clocks.push({ proceeding: 'COMPLAINT', clock: c });
    for (const m of mediations)
      for (const c of await this.deadlines.forCase('MEDIATION', m.id))
        clocks.push({ proceeding: 'MEDIATION', clock: c });
    for (const a of arbitrations)
      for (const c of await this.deadlines.forCase('ARBITRATION', a.id))
        clocks.push({ proceeding: 'ARBITRATION', clock: c });
    const running = clocks
      .filter(({ clock }) => (clock.state === 'RUNNING' || clock.state === 'BREACHED') && clock.due)
      .sort((a, b) => (a.clock.due! < b.clock.due! ? -1 : 1));
    const next = running[0]?.clock;
    return {
      complaintId: complaint.id,
      trackingNo: complaint.trackingNo,
      currentStep,
      heldBy: holder ? { organisationId: holder.id, name: holder.name } : null,
      nextDeadline: next
        ? { due: next.due!, state: next.state, text: plainDeadline(next), citation: next.rule.citation }
        : null,
      deadlines: clocks.map(({ proceeding, clock }) => ({
        proceeding,
        rule: clock.rule.id,
        due: clock.due,
        state: clock.state,
        text: plainDeadline(clock),
      })),
      timeline: await this.audit.timeline(em, 'COMPLAINT', complaint.id),
    };
  }
}
