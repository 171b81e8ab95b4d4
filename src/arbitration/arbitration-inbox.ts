import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { DeadlineReminders } from '../deadlines/deadline-reminders.service';
import { StaffInbox } from '../notifications/staff-inbox';
import { ARBITRATION_CASE_TYPE, type ArbitrationSource } from './arbitration.constants';
import { ArbitrationRepository } from './arbitration.repository';

/**
 * Arbitration work items (14.3): a new application — filed by staff, by the worker, or escalated from a mediation —
 * goes to the inbox of every active arbitrator of the commission (the commission decides on acceptance as a body,
 * and an arbitrator's scope is the commission); approaching periods go to the tribunal's members.
 */
@Injectable()
export class ArbitrationInbox implements OnModuleInit {
  constructor(
    private readonly reminders: DeadlineReminders,
    private readonly repo: ArbitrationRepository,
    private readonly users: UsersService,
    private readonly inbox: StaffInbox,
  ) {}

  onModuleInit(): void {
    this.reminders.registerAssignees(ARBITRATION_CASE_TYPE, {
      subjectKind: 'arbitration-case',
      assignees: (em, ids) => this.repo.tribunalsOf(em, ids),
    });
  }

  async applied(
    em: EntityManager,
    c: { id: string; commissionId: string | null; source: ArbitrationSource },
  ): Promise<void> {
    if (!c.commissionId) return;
    await this.inbox.post(em, await this.users.staffOfOrganisation(em, 'ARBITRATOR', c.commissionId), {
      template:
        c.source === 'MEDIATION'
          ? 'ARBITRATION_ESCALATED_FROM_MEDIATION'
          : 'ARBITRATION_APPLICATION_RECEIVED',
      subjectRef: `arbitration-case:${c.id}`,
      dedupKey: `arbitration-applied:${c.id}`,
    });
  }
}
