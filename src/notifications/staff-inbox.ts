import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { InAppTemplate } from './in-app-messages';
import { NotificationsRepository } from './notifications.repository';

/** A work item for staff inboxes: one in-app message per recipient, once per `dedupKey` and recipient. */
export interface StaffWorkItem {
  template: InAppTemplate;
  /** "<kind>:<id>" of the case (in-app-messages.ts links it), never a name. */
  subjectRef: string;
  /** Names the logical item; the recipient's id is appended. */
  dedupKey: string;
  /** The template's variables, if it has any. */
  params?: Record<string, string>;
}

/** Puts work items in staff inboxes inside the caller's transaction (14.3). */
@Injectable()
export class StaffInbox {
  constructor(private readonly repo: NotificationsRepository) {}

  async post(em: EntityManager, recipientUserIds: readonly string[], item: StaffWorkItem): Promise<number> {
    const recipients = [...new Set(recipientUserIds)];
    for (const userId of recipients)
      await this.repo.insertIfAbsent(em, {
        dedupKey: `${item.dedupKey}:${userId}`,
        channel: 'IN_APP',
        template: item.template,
        subjectRef: item.subjectRef,
        recipientUserId: userId,
        ...(item.params ? { params: item.params } : {}),
        status: 'SENT',
        providerMessageId: null,
        error: null,
      });
    return recipients.length;
  }
}
