import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/roles';
import type { CursorQuery } from '../common/http/pagination';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import { StaffInCharge } from '../notifications/staff-in-charge';
import { StaffInbox } from '../notifications/staff-inbox';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { maskPersonalDataInText } from '../common/pii';
import { caseMessageSmsKey } from './case-messages.rules';
import { seesPersonalDataInFull } from './complaint-view';
import { Acknowledgement } from './acknowledgement';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import type { MessagePageDto, MessageViewDto } from './dto/complaint-view.dto';
import type { Complaint } from './entities/complaint.entity';
import type { MessageAuthor } from './entities/complaint-message.entity';

const CASE = 'COMPLAINT' as const;

/**
 * The proceeding a complaint (or its collective dispute) is at now, as "<kind>:<id>" (e.g. `mediation-case:<id>`),
 * or null while it is in none: the module above the proceedings registers it (lower rooms never ask upper ones).
 */
export type CurrentProceedingLookup = (em: EntityManager, c: Complaint) => Promise<string | null>;

/**
 * The case message thread (投诉留言; a 举报's channel is reports.service.ts) and who notices a message: a staff reply
 * the complaint's worker — an in-app item for each, and one SMS per complaint and window (case-messages.rules.ts)
 * that names the case and never the message; a party's message the staff in charge of the case's current proceeding
 * (its registered staff: the assigned mediator, tribunal or inspectors while active, else their body), else the
 * complaint's own (the body it was routed to, before routing the street's intake staff: complaint-take-up.ts). A
 * collective dispute's member is told of their own complaint's thread only. The body is never logged nor carried.
 */
@Injectable()
export class CaseMessagesService {
  private readonly lookups: CurrentProceedingLookup[] = [];

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ComplaintsRepository,
    private readonly complaints: ComplaintsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly inbox: StaffInbox,
    private readonly inCharge: StaffInCharge,
    private readonly acknowledgement: Acknowledgement,
  ) {}

  registerCurrentProceeding(lookup: CurrentProceedingLookup): void {
    this.lookups.push(lookup);
  }

  /** A page of the thread, oldest first (cursor pagination like every list: README, "Lists"). */
  async messages(viewer: Principal, id: string, q: CursorQuery): Promise<MessagePageDto> {
    const { complaint } = await this.complaints.visibleOrThrow(this.tx.manager, viewer, id);
    // An oversight role reads the ID and mobile numbers a party typed masked, as in the complaint's view.
    return this.page(this.tx.manager, id, q, !seesPersonalDataInFull(viewer, complaint.complainantUserId));
  }

  /**
   * A page of the thread of a complaint or 举报 the caller has already been let see (reports.service.ts); `masked`:
   * with the ID and mobile numbers in the bodies masked.
   */
  async page(em: EntityManager, id: string, q: CursorQuery, masked = false): Promise<MessagePageDto> {
    const page = await this.repo.messagePage(em, id, q);
    return {
      items: page.items.map((m) => ({
        author: m.author,
        body: masked ? maskPersonalDataInText(m.body) : m.body,
        createdAt: m.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** A staff reply or a complainant's message on the case channel, and its notice, in one transaction. */
  async postMessage(viewer: Principal, id: string, body: string): Promise<MessageViewDto> {
    return this.tx.run(async (em) => {
      const { complaint } = await this.complaints.visibleOrThrow(em, viewer, id);
      const author: MessageAuthor = viewer.role === 'WORKER' ? 'COMPLAINANT' : 'STAFF';
      await this.acknowledgement.beforeMessage(em, complaint);
      const messageId = newId();
      const createdAt = await this.repo.insertMessage(em, {
        id: messageId,
        complaintId: id,
        author,
        authorUserId: viewer.userId,
        body,
      });
      await this.audit.append(em, {
        caseType: CASE,
        caseId: id,
        action: 'MESSAGE_POSTED',
        actor: viewer,
        data: { author },
      });
      if (author === 'STAFF') await this.tellWorker(em, complaint, messageId, createdAt);
      else await this.tellStaff(em, complaint, messageId);
      return { author, body, createdAt: createdAt.toISOString() };
    });
  }

  /**
   * A party wrote (the complainant here, a 举报's reporter on its channel): an item for the staff in charge, once per
   * message and person. It names the case (the link) and nothing else: not the message, not who wrote it.
   */
  async tellStaff(em: EntityManager, c: Complaint, messageId: string): Promise<void> {
    await this.inbox.post(em, await this.staffToTell(em, c), {
      template: c.kind === 'REPORT' ? 'REPORT_MESSAGE_FROM_REPORTER' : 'COMPLAINT_MESSAGE_FROM_PARTY',
      subjectRef: `complaint:${c.id}`,
      dedupKey: `case-message:${messageId}`,
    });
  }

  /**
   * A staff reply: the complaint's worker (the account that sees its thread) gets an in-app item, and its
   * complainant's phone one SMS per window (party.notify through the outbox, this member alone: not `toDispute`).
   * A 举报 has no one to tell but on its own channel, where the reply already is (监察条例 第九条: 为举报人保密).
   */
  private async tellWorker(em: EntityManager, c: Complaint, messageId: string, at: Date): Promise<void> {
    if (c.kind === 'REPORT') return;
    if (c.complainantUserId)
      await this.notifications.recordInApp(em, {
        recipientUserId: c.complainantUserId,
        dedupKey: `case-message:${messageId}`,
        template: 'COMPLAINT_MESSAGE_FROM_STAFF',
        subjectRef: `complaint:${c.id}`,
        params: { trackingNo: c.trackingNo },
      });
    await this.outbox.enqueue(em, JobName.PartyNotify, {
      complaintId: c.id,
      template: 'COMPLAINT_MESSAGE_SMS',
      dedupKey: caseMessageSmsKey(c.id, at),
      params: {},
    });
  }

  /** The staff in charge of the current proceeding, else (none, or nobody in charge of it) of the complaint. */
  private async staffToTell(em: EntityManager, c: Complaint): Promise<string[]> {
    for (const lookup of this.lookups) {
      const proceeding = await lookup(em, c);
      const staff = proceeding ? await this.inCharge.of(em, proceeding) : [];
      if (staff.length > 0) return staff;
    }
    return this.inCharge.of(em, `complaint:${c.id}`);
  }
}
