import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaffInbox } from '../notifications/staff-inbox';
import { StaffCaseHolders, type CaseHandedOver, type StaffChange } from '../staff/staff-case-holders';
import { InspectionColleagues } from './inspection-colleagues';
import { INSPECTION_SUBJECT } from './inspection.constants';
import { InspectionProceeding } from './inspection-proceeding';
import { InspectionRepository } from './inspection.repository';

/**
 * A staff change (StaffAdminService.update) that leaves an inspector unable to act on their open cases — deactivated,
 * another role, or no longer of the case's brigade covering its street — takes them off each such case in the change's
 * transaction; a case left with no assigned inspector goes to the inspector its acts accept (`InspectionColleagues`:
 * active, covering the street, no declared conflict with the employer, 监察条例 第十六条: 回避) with the fewest open
 * cases, told by an inbox item (INSPECTION_CASE_ASSIGNED, in the same transaction, as a mediator taking a case over
 * is), else to nobody (the brigade's inspectors get its reminders). The timeline records INSPECTORS_REASSIGNED with the
 * cause, the admin as actor.
 */
@Injectable()
export class InspectionHandOver implements OnModuleInit {
  constructor(
    private readonly repo: InspectionRepository,
    private readonly p: InspectionProceeding,
    private readonly colleagues: InspectionColleagues,
    private readonly holders: StaffCaseHolders,
    private readonly inbox: StaffInbox,
  ) {}

  onModuleInit(): void {
    this.holders.register('INSPECTION', { handOver: (em, change) => this.handOver(em, change) });
  }

  async handOver(em: EntityManager, change: StaffChange): Promise<CaseHandedOver[]> {
    const handed: CaseHandedOver[] = [];
    for (const c of await this.repo.lockOpenCasesOfInspector(em, change.userId)) {
      // Whom the case's acts accept (the colleagues directory's rule): the leaving inspector among them still may act.
      const acceptable = await this.colleagues.acceptable(em, c);
      if (acceptable.includes(change.userId)) continue;
      const rest = c.assignedInspectorIds.filter((id) => id !== change.userId);
      const successor = rest.length ? null : await this.repo.pickInspector(em, acceptable);
      const assigned = successor ? [successor] : rest;
      await this.repo.updateCase(em, c.id, { assignedInspectorIds: assigned });
      if (successor)
        await this.inbox.post(em, [successor], {
          template: 'INSPECTION_CASE_ASSIGNED',
          subjectRef: `${INSPECTION_SUBJECT}:${c.id}`,
          dedupKey: `inspection-assigned:${c.id}:${c.version}`,
        });
      await this.p.record(em, c.id, 'INSPECTORS_REASSIGNED', change.actor, c.status, c.status, {
        fromInspectorId: change.userId,
        assignedInspectorIds: assigned,
        cause: change.cause,
      });
      handed.push({ proceeding: 'INSPECTION', id: c.id, caseNo: c.caseNo, toUserId: assigned[0] ?? null });
    }
    return handed;
  }
}
