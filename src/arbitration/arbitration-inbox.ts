import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { DeadlineReminders } from '../deadlines/deadline-reminders.service';
import { staffByCase, type CaseStaff } from '../deadlines/reminder-recipients';
import { StaffInbox } from '../notifications/staff-inbox';
import { assignedElseBody, UndeliveredSms } from '../notifications/undelivered-sms';
import { ARBITRATION_CASE_TYPE, ARBITRATION_SUBJECT, type ArbitrationSource } from './arbitration.constants';
import { ArbitrationRepository } from './arbitration.repository';

/**
 * Arbitration work items (14.3): a new application — filed by staff, by the worker, or escalated from a mediation —
 * goes to the inbox of every active arbitrator of the commission (the commission decides on acceptance as a body,
 * and an arbitrator's scope is the commission); approaching periods go to the tribunal's members still active
 * arbitrators of the commission, or to the commission's active arbitrators while there is no tribunal or none of its
 * members is (deactivated, moved).
 */
@Injectable()
export class ArbitrationInbox implements OnModuleInit {
  constructor(
    private readonly reminders: DeadlineReminders,
    private readonly repo: ArbitrationRepository,
    private readonly users: UsersService,
    private readonly inbox: StaffInbox,
    private readonly undelivered: UndeliveredSms,
  ) {}

  onModuleInit(): void {
    this.reminders.registerAssignees(ARBITRATION_CASE_TYPE, {
      subjectKind: ARBITRATION_SUBJECT,
      assignees: (em, ids) => this.inChargeOf(em, ids),
    });
    this.undelivered.registerStaffInCharge(ARBITRATION_SUBJECT, (em, id) => this.staffToTell(em, id));
  }

  /**
   * Who serves a party another way when an SMS about the case cannot be delivered (the employer's hearing notice with
   * no phone on record: undelivered-sms.ts) — those its periods remind (inChargeOf): the tribunal's members still
   * active arbitrators of the commission, else the commission's active arbitrators.
   */
  private async staffToTell(em: EntityManager, id: string): Promise<string[]> {
    const staff = (await this.inChargeOf(em, [id])).get(id);
    return staff ? assignedElseBody(staff.assigned, staff.body) : [];
  }

  /**
   * Who is reminded of a case's periods: its tribunal once formed; before that (the acceptance decision, 调解仲裁法
   * 第二十九条, and the tribunal notice, 第三十二条) every active arbitrator of the commission, which acts as a body
   * (and takes over a tribunal none of whose members is active). A case with no commission (none for its district)
   * has no body to turn to: its tribunal's members who are still active arbitrators, else nobody (counted, logged).
   */
  private async inChargeOf(em: EntityManager, caseIds: string[]): Promise<Map<string, CaseStaff>> {
    return staffByCase(await this.repo.tribunalsOf(em, caseIds), (c) => {
      const commissionId = c.commissionId;
      return commissionId
        ? {
            assigned: c.arbitratorIds,
            bodyKey: commissionId,
            bodyStaff: () => this.users.staffOfOrganisation(em, 'ARBITRATOR', commissionId),
          }
        : {
            assigned: c.arbitratorIds,
            bodyKey: `tribunal:${c.id}`,
            bodyStaff: async () =>
              (await this.users.activeOfRole(em, 'ARBITRATOR'))
                .map((u) => u.id)
                .filter((id) => c.arbitratorIds.includes(id)),
          };
    });
  }

  /**
   * The mediation agreement whose default the application claims was paid after it (SourceAgreementPayments): told to
   * those in charge of the case (as its periods are), who weigh it; once per instalment.
   */
  async sourceAgreementPaid(
    em: EntityManager,
    caseId: string,
    p: { instalmentId: string; seq: number; amountFen: number; paidOn: string; agreementStatus: string },
  ): Promise<void> {
    await this.inbox.post(em, await this.staffToTell(em, caseId), {
      template: 'ARBITRATION_SOURCE_AGREEMENT_PAID',
      subjectRef: `${ARBITRATION_SUBJECT}:${caseId}`,
      dedupKey: `arbitration-source-paid:${caseId}:${p.instalmentId}`,
      params: {
        seq: String(p.seq),
        amountFen: String(p.amountFen),
        paidOn: p.paidOn,
        agreement: p.agreementStatus,
      },
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
      subjectRef: `${ARBITRATION_SUBJECT}:${c.id}`,
      dedupKey: `arbitration-applied:${c.id}`,
    });
  }

  /**
   * The applicant completed the application (补正, 办案规则 第二十九条第四款): the commission's active arbitrators are
   * told, as of a new application — the 5 working days to decide run from today (第三十条).
   */
  async correctionSupplied(em: EntityManager, c: { id: string; commissionId: string | null }): Promise<void> {
    if (!c.commissionId) return;
    await this.inbox.post(em, await this.users.staffOfOrganisation(em, 'ARBITRATOR', c.commissionId), {
      template: 'ARBITRATION_CORRECTION_SUPPLIED',
      subjectRef: `${ARBITRATION_SUBJECT}:${c.id}`,
      dedupKey: `arbitration-correction-supplied:${c.id}`,
    });
  }
}
