import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffInbox } from './staff-inbox';
import type { UndeliveredReason } from './staff-templates';

export type { UndeliveredReason };

/** The active staff in charge of a subject of one kind (e.g. a complaint), by its id: the owning module registers it. */
export type StaffInChargeOf = (em: EntityManager, subjectId: string) => Promise<string[]>;

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
  private readonly inCharge = new Map<string, StaffInChargeOf>();

  constructor(private readonly inbox: StaffInbox) {}

  private readonly logger = new Logger('UndeliveredSms');

  registerStaffInCharge(subjectKind: string, staff: StaffInChargeOf): void {
    if (this.inCharge.has(subjectKind))
      throw new Error(`staff in charge of ${subjectKind} already registered`);
    this.inCharge.set(subjectKind, staff);
  }

  /** Posts the item to each person in charge, once per failed delivery and person; returns how many. */
  async tell(em: EntityManager, n: UndeliveredSmsNotice): Promise<number> {
    const colon = n.subjectRef.indexOf(':');
    const staffOf = this.inCharge.get(n.subjectRef.slice(0, colon));
    const staff = staffOf ? await staffOf(em, n.subjectRef.slice(colon + 1)) : [];
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
