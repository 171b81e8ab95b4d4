import { Injectable, type OnModuleInit } from '@nestjs/common';
import { UsersService } from '../auth/users.service';
import { DeadlineReminders } from '../deadlines/deadline-reminders.service';
import { staffByCase } from '../deadlines/reminder-recipients';
import { INSPECTION_CASE_TYPE } from './inspection.constants';
import { InspectionRepository } from './inspection.repository';

/**
 * An inspection case's approaching periods go to its assigned inspectors' inboxes (14.3) while they are active
 * inspectors of its brigade covering its street; with none (unassigned, deactivated, moved), to those inspectors.
 */
@Injectable()
export class InspectionInbox implements OnModuleInit {
  constructor(
    private readonly reminders: DeadlineReminders,
    private readonly repo: InspectionRepository,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.reminders.registerAssignees(INSPECTION_CASE_TYPE, {
      subjectKind: 'inspection-case',
      assignees: async (em, ids) =>
        staffByCase(await this.repo.inspectorsOf(em, ids), (c) => ({
          assigned: c.assignedInspectorIds,
          bodyKey: `${c.organisationId}:${c.jurisdictionCode}`,
          bodyStaff: () =>
            this.users.staffOfOrganisation(em, 'INSPECTOR', c.organisationId, c.jurisdictionCode),
        })),
    });
  }
}
