import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeadlineReminders } from '../deadlines/deadline-reminders.service';
import { INSPECTION_CASE_TYPE } from './inspection.constants';
import { InspectionRepository } from './inspection.repository';

/** An inspection case's approaching periods go to its assigned inspectors' inboxes (14.3). */
@Injectable()
export class InspectionInbox implements OnModuleInit {
  constructor(
    private readonly reminders: DeadlineReminders,
    private readonly repo: InspectionRepository,
  ) {}

  onModuleInit(): void {
    this.reminders.registerAssignees(INSPECTION_CASE_TYPE, {
      subjectKind: 'inspection-case',
      assignees: (em, ids) => this.repo.inspectorsOf(em, ids),
    });
  }
}
