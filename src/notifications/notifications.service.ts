import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '../common/ids';
import { isUniqueViolation } from '../database/transaction';
import { Notification } from './entities/notification.entity';
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
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  /** Sends unless a delivery with the same dedupKey was already recorded; returns whether it sent now. */
  async sendSmsOnce(n: SmsNotification): Promise<boolean> {
    const existing = await this.dataSource
      .getRepository(Notification)
      .findOne({ where: { dedupKey: n.dedupKey } });
    if (existing?.status === 'SENT') return false;
    const { messageId } = await this.sms.send(n.phone, n.template, n.params);
    try {
      await this.dataSource.getRepository(Notification).upsert(
        {
          id: existing?.id ?? newId(),
          dedupKey: n.dedupKey,
          channel: 'SMS',
          template: n.template,
          subjectRef: n.subjectRef,
          status: 'SENT',
          providerMessageId: messageId,
          error: null,
        },
        ['dedupKey'],
      );
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return true;
  }

  /** Records a message that could not be delivered (e.g. an anonymous reporter with no phone). */
  async recordUndeliverable(n: Omit<SmsNotification, 'phone' | 'params'>, reason: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        id: newId(),
        dedupKey: n.dedupKey,
        channel: 'NONE',
        template: n.template,
        subjectRef: n.subjectRef,
        status: 'FAILED',
        providerMessageId: null,
        error: reason,
      })
      .orIgnore()
      .execute();
  }

  async forSubject(subjectRef: string): Promise<Notification[]> {
    return this.dataSource
      .getRepository(Notification)
      .find({ where: { subjectRef }, order: { createdAt: 'ASC' } });
  }
}
