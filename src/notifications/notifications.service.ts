import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import type { Notification } from './entities/notification.entity';
import { describeInApp, type InAppTemplate } from './in-app-messages';
import { NotificationsRepository } from './notifications.repository';
import { SmsDeliveryService, type SmsNotification } from './sms-delivery.service';
import type { SmsOutboxEntry } from './sms-outbox-ring';
import { renderTemplate, type SmsTemplateId } from './templates';
import { UndeliveredSms, type UndeliveredReason } from './undelivered-sms';
import { LoggingSmsSender, SMS_SENDER, type SmsSender } from './sms-sender';

export type { SmsNotification };

export interface InboxItem {
  id: string;
  channel: string;
  template: string;
  subjectRef: string;
  text: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Delivers messages to parties through pluggable channels and records each delivery once. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: NotificationsRepository,
    private readonly delivery: SmsDeliveryService,
    private readonly undelivered: UndeliveredSms,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  /** Sends unless a delivery with the same dedupKey was already made; returns whether it sent now. */
  sendSmsOnce(n: SmsNotification): Promise<boolean> {
    return this.delivery.sendOnce(n);
  }

  /**
   * Records an SMS that cannot be delivered (no phone number on file, a number not verified by its owner) as FAILED,
   * once per dedupKey, and tells the staff in charge of its subject in the same transaction (undelivered-sms.ts).
   */
  async recordUndeliverable(
    n: { dedupKey: string; template: SmsTemplateId; subjectRef: string; params: Record<string, string> },
    why: { reason: UndeliveredReason; detail: string },
  ): Promise<void> {
    const text = renderTemplate(n.template, n.params).text;
    await this.dataSource.transaction(async (em) => {
      const id = await this.repo.insertIfAbsent(em, {
        dedupKey: n.dedupKey,
        channel: 'NONE',
        template: n.template,
        subjectRef: n.subjectRef,
        params: n.params,
        status: 'FAILED',
        providerMessageId: null,
        error: why.detail,
      });
      if (id)
        await this.undelivered.tell(em, {
          notificationId: id,
          subjectRef: n.subjectRef,
          text,
          reason: why.reason,
        });
    });
  }

  /**
   * Records an in-app message to a user's inbox (a staff user's, whose account carries no phone number, or a
   * worker's): once per dedupKey, joining the caller's transaction. `subjectRef` names what it is about, never a name;
   * `params` are the template's variables, if it has any (never a name or a number).
   */
  async recordInApp(
    em: EntityManager,
    n: {
      recipientUserId: string;
      dedupKey: string;
      template: InAppTemplate;
      subjectRef: string;
      params?: Record<string, string>;
    },
  ): Promise<void> {
    await this.repo.insertIfAbsent(em, {
      dedupKey: n.dedupKey,
      channel: 'IN_APP',
      template: n.template,
      subjectRef: n.subjectRef,
      recipientUserId: n.recipientUserId,
      ...(n.params ? { params: n.params } : {}),
      status: 'SENT',
      providerMessageId: null,
      error: null,
    });
  }

  /** The caller's own in-app messages, newest first, and how many of them are unread. */
  async inbox(
    viewer: Principal,
    q: { unread?: boolean; cursor?: string; limit?: number },
  ): Promise<{ items: InboxItem[]; nextCursor: string | null; unreadCount: number }> {
    const em = this.dataSource.manager;
    const page = await this.repo.inbox(em, viewer.userId, {
      unreadOnly: q.unread === true,
      cursor: q.cursor,
      limit: q.limit ?? 20,
    });
    return {
      items: page.items.map(inboxItem),
      nextCursor: page.nextCursor,
      unreadCount: await this.repo.unreadCount(em, viewer.userId),
    };
  }

  /** Marks one of the caller's messages read; again is a no-op. Someone else's message is 404, as if absent. */
  async markRead(viewer: Principal, id: string): Promise<InboxItem> {
    const n = await this.repo.markRead(this.dataSource.manager, id, viewer.userId);
    if (!n) throw AppException.notFound('NOTIFICATION_NOT_FOUND');
    return inboxItem(n);
  }

  async markAllRead(viewer: Principal): Promise<{ marked: number }> {
    return { marked: await this.repo.markAllRead(this.dataSource.manager, viewer.userId) };
  }

  /** The logging sender's last messages, newest first, full text and number (404 with a real provider). */
  smsOutbox(): SmsOutboxEntry[] {
    if (!(this.sms instanceof LoggingSmsSender)) throw AppException.notFound('SMS_OUTBOX_UNAVAILABLE');
    return this.sms.recent();
  }

  /** SMS deliveries in doubt, for an admin to check with the provider (they are never resent). */
  async unconfirmedSms(q: { cursor?: string; limit?: number }): Promise<{
    items: {
      id: string;
      template: string;
      subjectRef: string;
      attempts: number;
      error: string | null;
      createdAt: string;
    }[];
    nextCursor: string | null;
  }> {
    const page = await this.repo.unconfirmed(this.dataSource.manager, {
      cursor: q.cursor,
      limit: q.limit ?? 20,
    });
    return {
      items: page.items.map((n) => ({
        id: n.id,
        template: n.template,
        subjectRef: n.subjectRef,
        attempts: n.attempts,
        error: n.error,
        createdAt: n.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** How many messages were recorded undeliverable (FAILED), per template: only grows (the ops gauge). */
  undeliveredCounts(em: EntityManager): Promise<{ template: string; n: number }[]> {
    return this.repo.undeliveredCounts(em);
  }

  forSubject(subjectRef: string): Promise<Notification[]> {
    return this.repo.forSubject(this.dataSource.manager, subjectRef);
  }
}

function inboxItem(n: Notification): InboxItem {
  return {
    id: n.id,
    channel: n.channel,
    template: n.template,
    subjectRef: n.subjectRef,
    ...describeInApp(n.template, n.subjectRef, n.params),
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
