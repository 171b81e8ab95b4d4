import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { DeadlineReminders } from '../deadlines/deadline-reminders.service';
import { staffByCase, type CaseStaff } from '../deadlines/reminder-recipients';
import { StaffInbox } from '../notifications/staff-inbox';
import { assignedElseBody, UndeliveredSms } from '../notifications/undelivered-sms';
import { MEDIATION_CASE, MEDIATION_SUBJECT } from './mediation-case-writer';
import { MediationRepository } from './mediation.repository';

/**
 * A mediation's approaching periods go to its mediator's inbox (14.3), or, with no active mediator, to the committee's
 * mediators of its street (as an undelivered SMS below); an SMS about the case that cannot be delivered
 * (the employer's instalment reminders) to the staff who tell the party another way.
 */
@Injectable()
export class MediationInbox implements OnModuleInit {
  constructor(
    private readonly reminders: DeadlineReminders,
    private readonly repo: MediationRepository,
    private readonly users: UsersService,
    private readonly undelivered: UndeliveredSms,
    private readonly inbox: StaffInbox,
  ) {}

  onModuleInit(): void {
    this.reminders.registerAssignees(MEDIATION_CASE, {
      subjectKind: MEDIATION_SUBJECT,
      assignees: (em, ids) => this.staffOfCases(em, ids),
    });
    this.undelivered.registerStaffInCharge(MEDIATION_SUBJECT, (em, id) => this.staffToTell(em, id));
  }

  /** Each case's mediator and the active mediators of its committee covering its street, any of whom may take it over. */
  private async staffOfCases(em: EntityManager, ids: string[]): Promise<Map<string, CaseStaff>> {
    return staffByCase(await this.repo.mediatorsOf(em, ids), (m) => ({
      assigned: m.mediatorUserId ? [m.mediatorUserId] : [],
      bodyKey: `${m.organisationId}:${m.streetCode}`,
      bodyStaff: () => this.users.staffOfOrganisation(em, 'MEDIATOR', m.organisationId, m.streetCode),
    }));
  }

  /**
   * The worker applied for arbitration while the case was open, which ended it (MediationOnApplication): its mediator
   * is told, or with none active the committee's mediators of its street (as staffToTell below).
   */
  async endedByApplication(em: EntityManager, caseId: string): Promise<void> {
    await this.inbox.post(em, await this.staffToTell(em, caseId), {
      template: 'MEDIATION_ENDED_BY_ARBITRATION',
      subjectRef: `${MEDIATION_SUBJECT}:${caseId}`,
      dedupKey: `mediation-ended-by-application:${caseId}`,
    });
  }

  /**
   * Who tells the party when an SMS about the case cannot be delivered (undelivered-sms.ts): its mediator (as the
   * reminders), while an active mediator of the case's committee covering its street; else those mediators, any of
   * whom may take the case over (mediation-assignment.service.ts) — the case has no mediator, or theirs left.
   */
  private async staffToTell(em: EntityManager, id: string): Promise<string[]> {
    const m = await this.repo.findCase(em, id);
    if (!m) return [];
    return assignedElseBody(
      m.mediatorUserId ? [m.mediatorUserId] : [],
      await this.users.staffOfOrganisation(em, 'MEDIATOR', m.organisationId, m.streetCode),
    );
  }
}
