import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MEDIATION_GROUP_MEMBER_TEMPLATES } from '../notifications/mediation-templates';
import type { SmsTemplateId } from '../notifications/templates';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { MEDIATION_SUBJECT } from './mediation-case-writer';
import type { DueSoonInstalment } from './mediation.repository';

/** The case a message is about: its complaint (whose complainant is told), employer and number (the employer's SMS). */
type CaseRef = { id: string; complaintId: string; employerId: string; caseNo: string | null };

/** The committee's case number (调字) the employer's SMS names; a case opened before numbering has none: 待定. */
const caseNoOf = (m: CaseRef): string => m.caseNo ?? '待定';

/**
 * What the parties of a mediation are told, queued in the caller's transaction (party.notify / employer.notify through
 * the outbox), each once: the dedup key names the case, session or instalment it is about. A notice telling the worker
 * they may apply for arbitration goes, to a collective dispute's member who does not act for the group, as its
 * group-member text (调解仲裁法 第七条: its representatives apply; MEDIATION_GROUP_MEMBER_TEMPLATES).
 */
@Injectable()
export class MediationNotices {
  constructor(private readonly outbox: OutboxService) {}

  /**
   * A session scheduled: both parties are told (调解仲裁法 第十三条: mediation needs both), the employer at its confirmed
   * number — without one, the case's mediator is told to inform it another way (SMS_UNDELIVERED, as arbitration does).
   */
  async sessionScheduled(em: EntityManager, m: CaseRef, startsAt: string, place: string): Promise<void> {
    const at = new Date(startsAt).toISOString();
    await this.worker(em, m.complaintId, 'MEDIATION_SESSION_SCHEDULED', `mediation-session:${m.id}:${at}`, {
      startsAt,
      place,
    });
    await this.employer(
      em,
      m.id,
      m.employerId,
      'MEDIATION_SESSION_SCHEDULED_EMPLOYER',
      `employer-mediation-session:${m.id}:${at}`,
      { caseNo: caseNoOf(m), startsAt, place },
    );
  }

  /**
   * The period extended by the parties' agreement: its new last day, once per extension (`extension` names it: the
   * case's version the extension was made at).
   */
  periodExtended(
    em: EntityManager,
    m: CaseRef,
    due: string,
    extension: number,
    provisional: boolean,
  ): Promise<void> {
    // Counted through a year whose holiday schedule is not loaded: marked provisional, as the case file marks it.
    return this.worker(
      em,
      m.complaintId,
      provisional ? 'MEDIATION_PERIOD_EXTENDED_PROVISIONAL' : 'MEDIATION_PERIOD_EXTENDED',
      `mediation-extended:${m.id}:v${extension}`,
      { due },
    );
  }

  /** The mediation closed before these sessions: each will not take place (told as its scheduling was, to all). */
  async sessionsCancelled(
    em: EntityManager,
    m: CaseRef,
    sessions: readonly { id: string; startsAt: string }[],
  ): Promise<void> {
    for (const s of sessions) {
      await this.worker(
        em,
        m.complaintId,
        'MEDIATION_SESSION_CANCELLED',
        `mediation-session-cancelled:${s.id}`,
        {
          startsAt: s.startsAt,
        },
      );
      await this.employer(
        em,
        m.id,
        m.employerId,
        'MEDIATION_SESSION_CANCELLED_EMPLOYER',
        `employer-session-cancelled:${s.id}`,
        { caseNo: caseNoOf(m), startsAt: s.startsAt },
      );
    }
  }

  /**
   * The case closed: an agreement; failure (调解仲裁法 第十四条第三款) or withdrawal (第五条: 不愿调解的, arbitration),
   * after which the worker may apply for arbitration.
   */
  closed(em: EntityManager, m: CaseRef, to: string): Promise<void> {
    if (to === 'AGREEMENT')
      return this.worker(em, m.complaintId, 'MEDIATION_AGREEMENT_REACHED', `mediation-agreement:${m.id}`);
    if (to === 'FAILED')
      return this.worker(em, m.complaintId, 'MEDIATION_FAILED', `mediation-failed:${m.id}`);
    if (to === 'WITHDRAWN')
      return this.worker(em, m.complaintId, 'MEDIATION_WITHDRAWN', `mediation-withdrawn:${m.id}`);
    return Promise.resolve();
  }

  /**
   * The worker's arbitration application (theirs, or filed by staff on their request) ended the mediation: they are
   * told it was received and why the mediation ended (调解仲裁法 第五条), not invited to apply again.
   */
  endedByApplication(em: EntityManager, m: CaseRef): Promise<void> {
    return this.worker(
      em,
      m.complaintId,
      'MEDIATION_ENDED_BY_APPLICATION',
      `mediation-ended-by-application:${m.id}`,
    );
  }

  /** 调解仲裁法 第十四条第三款: the period passed without agreement, the party may apply for arbitration. */
  expired(em: EntityManager, m: CaseRef): Promise<void> {
    return this.worker(em, m.complaintId, 'MEDIATION_EXPIRED', `mediation-expired:${m.id}`);
  }

  /**
   * 调解仲裁法 第十四条第三款: the period ran from the routing without a mediation even opened — the worker may apply
   * for arbitration. To this complaint's worker alone: each member of a dispute is found and told on its own (as the
   * group's representatives may apply, when they do not act for it: 第七条).
   */
  notOpened(em: EntityManager, complaintId: string, routedOn: string): Promise<void> {
    return this.worker(
      em,
      complaintId,
      'MEDIATION_NOT_OPENED',
      `mediation-not-opened:${complaintId}`,
      { routedOn },
      false,
    );
  }

  /** An instalment became overdue: the worker (who may apply for arbitration, 第十五条) and the employer. */
  async overdue(em: EntityManager, m: CaseRef, p: { id: string; seq: number; dueOn: string }): Promise<void> {
    const params = { seq: String(p.seq), dueOn: p.dueOn };
    await this.worker(em, m.complaintId, 'MEDIATION_INSTALMENT_OVERDUE', `mediation-overdue:${p.id}`, params);
    // An employer without a contact number is recorded as undeliverable.
    await this.employer(
      em,
      m.id,
      m.employerId,
      'MEDIATION_INSTALMENT_OVERDUE_EMPLOYER',
      `employer-overdue:${p.id}`,
      params,
    );
  }

  /**
   * An instalment the sweep marked overdue was paid on time after all (recorded late): the worker, told it was overdue
   * and that they may apply for arbitration, is told it was not.
   */
  defaultReversed(
    em: EntityManager,
    m: CaseRef,
    p: { id: string; seq: number; paidOn: string },
  ): Promise<void> {
    return this.worker(
      em,
      m.complaintId,
      'MEDIATION_DEFAULT_REVERSED',
      `mediation-default-reversed:${p.id}`,
      {
        seq: String(p.seq),
        paidOn: p.paidOn,
      },
    );
  }

  /**
   * An instalment recorded paid: the worker is told which, how much and what is still owed; with the last, that the
   * agreement is performed (one message). Amounts are the agreement's (a collective dispute's: the group's total).
   */
  instalmentPaid(
    em: EntityManager,
    m: CaseRef,
    p: { instalmentId: string; seq: number; amountFen: number; paidOn: string; remainingFen: number },
    totalFen: number,
  ): Promise<void> {
    const params = { seq: String(p.seq), amountFen: String(p.amountFen), paidOn: p.paidOn };
    return p.remainingFen === 0
      ? this.worker(em, m.complaintId, 'MEDIATION_AGREEMENT_PERFORMED', `mediation-performed:${m.id}`, {
          ...params,
          totalFen: String(totalFen),
        })
      : this.worker(em, m.complaintId, 'MEDIATION_INSTALMENT_PAID', `mediation-paid:${p.instalmentId}`, {
          ...params,
          remainingFen: String(p.remainingFen),
        });
  }

  /** An instalment falls due soon: the employer is reminded to pay, the worker told the date and amount. */
  async dueSoon(em: EntityManager, i: DueSoonInstalment): Promise<void> {
    const params = { seq: String(i.seq), dueOn: i.due_on };
    await this.employer(
      em,
      i.case_id,
      i.employer_id,
      'MEDIATION_INSTALMENT_DUE_SOON',
      `instalment-due-soon:${i.id}`,
      params,
    );
    // A collective dispute's instalment is the group's: each member is told it is a total, not their share.
    const template = i.collective_dispute_id
      ? 'MEDIATION_INSTALMENT_DUE_SOON_GROUP'
      : 'MEDIATION_INSTALMENT_DUE_SOON_WORKER';
    await this.worker(em, i.complaint_id, template, `worker-due-soon:${i.id}`, {
      ...params,
      amountFen: i.amount_fen,
    });
  }

  private async worker(
    em: EntityManager,
    complaintId: string,
    template: SmsTemplateId,
    dedupKey: string,
    params: Record<string, string> = {},
    toDispute = true,
  ): Promise<void> {
    // A collective case's every member is told (调解仲裁法 第七条); who does not act for the group, its group-member text.
    const notActingTemplate = Object.hasOwn(MEDIATION_GROUP_MEMBER_TEMPLATES, template)
      ? MEDIATION_GROUP_MEMBER_TEMPLATES[template as keyof typeof MEDIATION_GROUP_MEMBER_TEMPLATES]
      : undefined;
    await this.outbox.enqueue(em, JobName.PartyNotify, {
      complaintId,
      template,
      dedupKey,
      params,
      toDispute,
      ...(notActingTemplate ? { notActingTemplate } : {}),
    });
  }

  /** Filed under the case, whose staff are told if it cannot be delivered (MediationInbox). */
  private async employer(
    em: EntityManager,
    caseId: string,
    employerId: string,
    template: SmsTemplateId,
    dedupKey: string,
    params: Record<string, string>,
  ): Promise<void> {
    await this.outbox.enqueue(em, JobName.EmployerNotify, {
      employerId,
      template,
      dedupKey,
      params,
      subjectRef: `${MEDIATION_SUBJECT}:${caseId}`,
    });
  }
}
