import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaffInbox } from '../notifications/staff-inbox';
import { StaffCaseHolders, type CaseHandedOver, type StaffChange } from '../staff/staff-case-holders';
import type { StaffChangeCause } from '../staff/staff.rules';
import { ARBITRATION_SUBJECT } from './arbitration.constants';
import { ArbitrationColleagues } from './arbitration-colleagues';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationTribunalRepository } from './arbitration-tribunal.repository';

/** The reason the timeline gives (no replacement is named: the commission decides it). */
const REASON: Record<StaffChangeCause, string> = {
  DEACTIVATED: '仲裁员账号已停用，须由仲裁委员会更换仲裁庭组成人员',
  ROLE_CHANGED: '该人员已不再担任仲裁员，须由仲裁委员会更换仲裁庭组成人员',
  MOVED: '该仲裁员已调离本仲裁委员会，须由仲裁委员会更换仲裁庭组成人员',
};

/**
 * A staff change (StaffAdminService.update) that leaves an arbitrator unable to act — no longer among those the case's
 * tribunal accepts (ArbitrationColleagues: an active arbitrator of its commission) — on an open case whose tribunal
 * they sit on: listed as handed over to nobody (toUserId null), recorded on the timeline with the cause, and the
 * commission's active arbitrators get an inbox item. No replacement is picked: reconstituting the tribunal is the
 * commission's decision (调解仲裁法 第三十一条; the act is POST …/tribunal/replacements, reason UNABLE_TO_ACT).
 */
@Injectable()
export class ArbitrationHandOver implements OnModuleInit {
  constructor(
    private readonly repo: ArbitrationTribunalRepository,
    private readonly p: ArbitrationProceeding,
    private readonly colleagues: ArbitrationColleagues,
    private readonly inbox: StaffInbox,
    private readonly holders: StaffCaseHolders,
  ) {}

  onModuleInit(): void {
    this.holders.register('ARBITRATION', { handOver: (em, change) => this.handOver(em, change) });
  }

  async handOver(em: EntityManager, change: StaffChange): Promise<CaseHandedOver[]> {
    const handed: CaseHandedOver[] = [];
    for (const c of await this.repo.lockOpenCasesOfArbitrator(em, change.userId)) {
      // Whom the tribunal's acts accept: the arbitrator among them still may act on it.
      const acceptable = await this.colleagues.acceptable(em, c);
      if (acceptable.includes(change.userId)) continue;
      await this.inbox.post(em, acceptable, {
        template: 'ARBITRATION_TRIBUNAL_MEMBER_TO_REPLACE',
        subjectRef: `${ARBITRATION_SUBJECT}:${c.id}`,
        dedupKey: `arbitration-member-unable:${c.id}:${change.userId}:${c.version}`,
      });
      await this.p.record(em, c.complaintId, c.id, 'ARBITRATION_MEMBER_UNABLE_TO_ACT', change.actor, {
        arbitratorId: change.userId,
        cause: change.cause,
        reason: REASON[change.cause],
        status: c.status,
      });
      handed.push({ proceeding: 'ARBITRATION', id: c.id, caseNo: c.caseNo, toUserId: null });
    }
    return handed;
  }
}
