import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffInCharge, type StaffInChargeOf } from './staff-in-charge';
import { StaffInbox } from './staff-inbox';
import type { UndeliveredReason } from './staff-templates';

export type { UndeliveredReason };
export type { StaffInChargeOf } from './staff-in-charge';

/**
 * Who of a case's staff is told (a StaffInChargeOf's answer, from two lists the owning module reads): those assigned
 * to it who are among the active staff of its body, else all of those (an unassigned case, or one whose assignees
 * left, were deactivated or moved). Both lists are user ids; the body's order is kept, duplicates dropped.
 */
export function assignedElseBody(assigned: readonly string[], body: readonly string[]): string[] {
  const active = [...new Set(body)];
  const mine = active.filter((id) => assigned.includes(id));
  return mine.length > 0 ? mine : active;
}

/** An SMS that will never be delivered: its row, what it is about and its text as it would have been sent. */
export interface UndeliveredSmsNotice {
  notificationId: string;
  /** "<kind>:<id>", as on the notification row */
  subjectRef: string;
  text: string;
  reason: UndeliveredReason;
}

/**
 * A party-facing SMS recorded FAILED (permanent provider refusal, no number on file, a number entered on someone's
 * behalf and not verified) must not leave staff believing the party was told — a 不予受理 notice carries the
 * party's appeal rights. The staff in charge of its subject get an in-app item (SMS_UNDELIVERED) with the text to pass
 * on by phone or in person, in the transaction that records the failure. Who is in charge is the owning module's
 * answer (registered, as deadline reminders' assignees are: this ground-floor module reads no domain's tables); a
 * subject with no registered kind or nobody in charge is logged with ids only.
 */
@Injectable()
export class UndeliveredSms {
  constructor(
    private readonly inbox: StaffInbox,
    private readonly inCharge: StaffInCharge,
  ) {}

  private readonly logger = new Logger('UndeliveredSms');

  registerStaffInCharge(subjectKind: string, staff: StaffInChargeOf): void {
    this.inCharge.register(subjectKind, staff);
  }

  /** Posts the item to each person in charge, once per failed delivery and person; returns how many. */
  async tell(em: EntityManager, n: UndeliveredSmsNotice): Promise<number> {
    const staff = await this.inCharge.of(em, n.subjectRef);
    if (staff.length === 0)
      this.logger.warn(
        { notificationId: n.notificationId, subjectRef: n.subjectRef, reason: n.reason },
        'undelivered sms: no staff in charge to tell',
      );
    return this.inbox.post(em, staff, {
      template: 'SMS_UNDELIVERED',
      subjectRef: n.subjectRef,
      dedupKey: `sms-undelivered:${n.notificationId}`,
      params: { reason: n.reason, message: n.text },
    });
  }
}
