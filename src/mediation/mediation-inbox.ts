import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeadlineReminders } from '../deadlines/deadline-reminders.service';
import { MEDIATION_CASE } from './mediation-case-writer';
import { MediationRepository } from './mediation.repository';

/** A mediation's approaching periods go to its mediator's inbox (14.3). */
@Injectable()
export class MediationInbox implements OnModuleInit {
  constructor(
    private readonly reminders: DeadlineReminders,
    private readonly repo: MediationRepository,
  ) {}

  onModuleInit(): void {
    this.reminders.registerAssignees(MEDIATION_CASE, {
      subjectKind: 'mediation-case',
      assignees: (em, ids) => this.repo.mediatorsOf(em, ids),
    });
  }
}
