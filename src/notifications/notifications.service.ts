import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Notification } from './entities/notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { SMS_SENDER, type SmsSender } from './sms-sender';

export interface SmsNotification {
  /** Stable per logical message: a replay with the same key sends nothing. */
  dedupKey: string;
  template: string;
  subjectRef: string;
  phone: string;
  params: Record<string, string>;
}

/** Delivers messages to parties through pluggable channels and records each delivery once. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: NotificationsRepository,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  /**
   * Sends unless a delivery with the same dedupKey was already made; returns whether it sent now. The delivery
   * row is locked while sending, so two concurrent deliveries of one message send it once. A send that throws
   * rolls back, so the job that called it is retried.
   */
  async sendSmsOnce(n: SmsNotification): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.repo.claim(em, {
        dedupKey: n.dedupKey,
        channel: 'SMS',
        template: n.template,
        subjectRef: n.subjectRef,
      });
      if (row.status === 'SENT') return false;
      const { messageId } = await this.sms.send(n.phone, n.template, n.params);
      await this.repo.upsert(em, {
        dedupKey: n.dedupKey,
        channel: 'SMS',
        template: n.template,
        subjectRef: n.subjectRef,
        status: 'SENT',
        providerMessageId: messageId,
        error: null,
      });
      return true;
    });
  }

  /** Records a message that could not be delivered (e.g. no phone number on file). */
  async recordUndeliverable(n: Omit<SmsNotification, 'phone' | 'params'>, reason: string): Promise<void> {
    await this.repo.insertIfAbsent(this.dataSource.manager, {
      dedupKey: n.dedupKey,
      channel: 'NONE',
      template: n.template,
      subjectRef: n.subjectRef,
      status: 'FAILED',
      providerMessageId: null,
      error: reason,
    });
  }

  /**
   * Records an in-app message to a staff user (staff accounts carry no phone number): once per dedupKey, joining
   * the caller's transaction. `subjectRef` names what it is about; the recipient goes in the key, never a name.
   */
  async recordInApp(
    em: EntityManager,
    n: { dedupKey: string; template: string; subjectRef: string },
  ): Promise<void> {
    await this.repo.insertIfAbsent(em, {
      dedupKey: n.dedupKey,
      channel: 'IN_APP',
      template: n.template,
      subjectRef: n.subjectRef,
      status: 'SENT',
      providerMessageId: null,
      error: null,
    });
  }

  forSubject(subjectRef: string): Promise<Notification[]> {
    return this.repo.forSubject(this.dataSource.manager, subjectRef);
  }
}
