import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaffInbox } from '../notifications/staff-inbox';
import { StaffCaseHolders, type CaseHandedOver, type StaffChange } from '../staff/staff-case-holders';
import type { StaffChangeCause } from '../staff/staff.rules';
import { MEDIATION_SUBJECT, MediationCaseWriter } from './mediation-case-writer';
import { MediationAssignmentService } from './mediation-assignment.service';
import { MediationRepository } from './mediation.repository';

/** The reason the timeline gives for a hand-over by a staff change (the mediator's own take-over gives theirs). */
const REASON: Record<StaffChangeCause, string> = {
  DEACTIVATED: '原调解员账号已停用，案件由系统移交',
  ROLE_CHANGED: '原调解员已不再担任调解员，案件由系统移交',
  MOVED: '原调解员已调离本调解委员会或本街道，案件由系统移交',
};

/**
 * A staff change (StaffAdminService.update) that leaves a mediator unable to act on their open cases — deactivated,
 * another role, or no longer of the case's committee covering its street — hands each case over in the change's
 * transaction: to the remaining mediator of that committee with the fewest open cases and no declared conflict with the
 * employer (as the opening picks one), told by an inbox item; with none, back to the committee (no mediator: the
 * street's mediators may act and get its reminders). The timeline records MEDIATOR_ASSIGNED with the cause, the admin
 * as actor. 人民调解法 第十九条: the committee designates the mediator — never someone who cannot act.
 */
@Injectable()
export class MediationHandOver implements OnModuleInit {
  constructor(
    private readonly repo: MediationRepository,
    private readonly writer: MediationCaseWriter,
    private readonly assignment: MediationAssignmentService,
    private readonly inbox: StaffInbox,
    private readonly holders: StaffCaseHolders,
  ) {}

  onModuleInit(): void {
    this.holders.register('MEDIATION', { handOver: (em, change) => this.handOver(em, change) });
  }

  async handOver(em: EntityManager, change: StaffChange): Promise<CaseHandedOver[]> {
    const handed: CaseHandedOver[] = [];
    for (const m of await this.repo.lockOpenCasesOfMediator(em, change.userId)) {
      // Whom the case may go to, by the one rule the hand-over by a mediator and the opening use; the leaving
      // mediator among them still may act on it.
      const acceptable = await this.assignment.acceptable(em, { ...m, mediatorUserId: null });
      if (acceptable.includes(change.userId)) continue;
      const to = await this.repo.pickMediator(em, acceptable);
      await this.repo.updateCase(em, m.id, { mediatorUserId: to });
      if (to)
        await this.inbox.post(em, [to], {
          template: 'MEDIATION_CASE_ASSIGNED',
          subjectRef: `${MEDIATION_SUBJECT}:${m.id}`,
          dedupKey: `mediation-assigned:${m.id}:${m.version}`,
        });
      await this.writer.event(
        em,
        m.complaintId,
        m.id,
        'MEDIATOR_ASSIGNED',
        change.actor,
        m.status,
        m.status,
        {
          fromMediatorUserId: change.userId,
          mediatorUserId: to,
          cause: change.cause,
          reason: REASON[change.cause],
        },
      );
      handed.push({ proceeding: 'MEDIATION', id: m.id, caseNo: m.caseNo, toUserId: to });
    }
    return handed;
  }
}
