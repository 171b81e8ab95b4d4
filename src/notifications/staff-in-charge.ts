import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The active staff in charge of a subject of one kind (e.g. a complaint), by its id: the owning module registers it. */
export type StaffInChargeOf = (em: EntityManager, subjectId: string) => Promise<string[]>;

/**
 * Who is in charge of a subject ("<kind>:<id>", as on notification rows), by the answer its owning module registered
 * for its kind (as deadline reminders' assignees are: this ground-floor module reads no domain's tables). Asked when
 * an SMS about it cannot be delivered (undelivered-sms.ts) and when a party writes on a case's thread.
 */
@Injectable()
export class StaffInCharge {
  private readonly inCharge = new Map<string, StaffInChargeOf>();

  register(subjectKind: string, staff: StaffInChargeOf): void {
    if (this.inCharge.has(subjectKind))
      throw new Error(`staff in charge of ${subjectKind} already registered`);
    this.inCharge.set(subjectKind, staff);
  }

  /** The staff in charge of the subject; none for a kind nobody registered. */
  async of(em: EntityManager, subjectRef: string): Promise<string[]> {
    const colon = subjectRef.indexOf(':');
    const staffOf = colon > 0 ? this.inCharge.get(subjectRef.slice(0, colon)) : undefined;
    return staffOf ? staffOf(em, subjectRef.slice(colon + 1)) : [];
  }
}
