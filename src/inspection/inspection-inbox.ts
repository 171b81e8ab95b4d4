import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { DeadlineReminders } from '../deadlines/deadline-reminders.service';
import { staffByCase, type CaseStaff } from '../deadlines/reminder-recipients';
import { assignedElseBody, UndeliveredSms } from '../notifications/undelivered-sms';
import { INSPECTION_CASE_TYPE, INSPECTION_SUBJECT } from './inspection.constants';
import { InspectionRepository } from './inspection.repository';

/**
 * An inspection case's approaching periods go to its assigned inspectors' inboxes (14.3) while they are active
 * inspectors of its brigade covering its street; with none (unassigned, deactivated, moved), to those inspectors.
 * The same staff are told when an SMS to the employer about the case cannot be delivered.
 */
@Injectable()
export class InspectionInbox implements OnModuleInit {
  constructor(
    private readonly reminders: DeadlineReminders,
    private readonly repo: InspectionRepository,
    private readonly users: UsersService,
    private readonly undelivered: UndeliveredSms,
  ) {}

  onModuleInit(): void {
    this.reminders.registerAssignees(INSPECTION_CASE_TYPE, {
      subjectKind: INSPECTION_SUBJECT,
      assignees: (em, ids) => this.inChargeOf(em, ids),
    });
    this.undelivered.registerStaffInCharge(INSPECTION_SUBJECT, (em, id) => this.staffToTell(em, id));
  }

  /**
   * Who serves the employer another way when an SMS about the case cannot be delivered (a document's SMS with no
   * phone on record: undelivered-sms.ts) — those its periods remind (inChargeOf): its assigned inspectors still active
   * inspectors of the brigade covering its street, else the brigade's active inspectors of the street.
   */
  private async staffToTell(em: EntityManager, id: string): Promise<string[]> {
    const staff = (await this.inChargeOf(em, [id])).get(id);
    return staff ? assignedElseBody(staff.assigned, staff.body) : [];
  }

  private async inChargeOf(em: EntityManager, caseIds: string[]): Promise<Map<string, CaseStaff>> {
    return staffByCase(await this.repo.inspectorsOf(em, caseIds), (c) => ({
      assigned: c.assignedInspectorIds,
      bodyKey: `${c.organisationId}:${c.jurisdictionCode}`,
      bodyStaff: () => this.users.staffOfOrganisation(em, 'INSPECTOR', c.organisationId, c.jurisdictionCode),
    }));
  }
}
