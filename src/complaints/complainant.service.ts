import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { PiiCipher } from '../common/pii-crypto';
import { LOCKS, xactLock } from '../database/locks';
import { TransactionRunner } from '../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import type { SmsTemplateId } from '../notifications/templates';
import type { UndeliveredReason } from '../notifications/undelivered-sms';
import { WorkersService } from '../workers/workers.service';
import {
  resolveComplainant,
  type Filer,
  type IntakeClaim,
  type ResolvedComplainant,
} from './complainant.rules';
import { CollectiveRepository } from './collective.repository';
import { membersActingFor, stillInDispute } from './collective.rules';
import type { Complaint } from './entities/complaint.entity';
import { ComplaintsRepository } from './complaints.repository';

/**
 * The complainant of a complaint: who intake names (complainant.rules.ts) and whether messages may go to their
 * phone. A phone entered for someone else gets nothing until its owner verified it by signing in with an SMS code.
 */
@Injectable()
export class ComplainantService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ComplaintsRepository,
    private readonly workers: WorkersService,
    private readonly notifications: NotificationsService,
    private readonly pii: PiiCipher,
    private readonly collective: CollectiveRepository,
  ) {}

  /** The complainant of a new complaint filed by `filer` (400 with field errors when the claim is refused). */
  async resolve(em: EntityManager, filer: Principal, claim: IntakeClaim): Promise<ResolvedComplainant> {
    let self: Filer;
    let staffMatch: Filer | null = null;
    if (filer.role === 'WORKER') {
      const a = await this.workers.account(em, filer.userId);
      if (!a) throw AppException.unauthorized();
      self = { kind: 'WORKER', ...a };
    } else {
      self = { kind: 'STAFF', userId: filer.userId, phone: null, identity: null };
      const phone = claim.complainant?.phone;
      // Serialised with the linking of complaints to this phone's account (complainant-links.ts).
      if (phone) await xactLock(em, LOCKS.complainantAccount, this.pii.blindIndex('phone', phone));
      const a = phone ? await this.workers.accountByPhone(em, phone) : null;
      staffMatch = a ? { kind: 'WORKER', ...a } : null;
    }
    const r = resolveComplainant(self, claim, staffMatch);
    if (!r.ok) throw AppException.validation(r.errors);
    return r.value;
  }

  /**
   * The phone messages about this complaint may go to, unless it was entered on someone's behalf and its owner has
   * not verified it yet (no worker account signed up with it); and the worker account that owns the phone, whose
   * inbox (/my/notifications) lists what was sent to it.
   */
  async smsPhone(
    em: EntityManager,
    c: Complaint,
  ): Promise<{ phone: string; userId: string | null } | { reason: UndeliveredReason; detail: string }> {
    const phone = this.pii.decryptNullable(c.complainantPhoneEnc);
    if (!phone) return { reason: 'NO_PHONE', detail: 'no phone number on file' };
    // The worker account the phone belongs to (whose messages list the SMS): the complainant's own account, else
    // the account signed up with that phone (filed by staff or on the complainant's behalf), if any.
    const own = c.onBehalfRelationship === null ? c.complainantUserId : null;
    const owner = own ?? (await this.workers.accountByPhone(em, phone))?.userId ?? null;
    if (c.onBehalfRelationship === null) return { phone, userId: owner };
    return owner
      ? { phone, userId: owner }
      : {
          reason: 'NOT_VERIFIED',
          detail: 'filed on behalf of the complainant, whose phone is not verified yet',
        };
  }

  /** An SMS to the complainant, at most once per dedupKey; an undeliverable one is recorded as FAILED. */
  async sendSms(
    c: Complaint,
    n: { template: SmsTemplateId; dedupKey: string; params: Record<string, string> },
  ): Promise<void> {
    const to = await this.smsPhone(this.tx.manager, c);
    const m = {
      dedupKey: n.dedupKey,
      template: n.template,
      subjectRef: `complaint:${c.id}`,
      params: { trackingNo: c.trackingNo, ...n.params },
    };
    if ('phone' in to)
      await this.notifications.sendSmsOnce({ ...m, phone: to.phone, recipientUserId: to.userId });
    else await this.notifications.recordUndeliverable(m, to);
  }

  /**
   * Job handler body: an SMS to the complainant about a party-facing event, at most once per dedupKey. A notice about
   * a proceeding (`toDispute`) of a collective dispute goes to every member still in it, each with its own tracking
   * number (调解仲裁法 第七条: the case is every member's, so is its next step and its deadline to act). A step only
   * the group's representatives take (`notActingTemplate`) is told as theirs to the members who act for the group,
   * and with that template to the others, whether the notice goes to the dispute or to this member alone; each member
   * once, whichever they get (one dedup key per member).
   */
  async notifyComplainant(p: {
    complaintId: string;
    template: SmsTemplateId;
    dedupKey: string;
    params: Record<string, string>;
    toDispute?: boolean;
    notActingTemplate?: SmsTemplateId;
  }): Promise<void> {
    const c = await this.repo.findById(this.tx.manager, p.complaintId);
    if (!c) return;
    const members =
      p.toDispute && c.collectiveDisputeId
        ? (await this.repo.membersOfDispute(this.tx.manager, c.collectiveDisputeId)).filter(
            (m) => m.id === c.id || stillInDispute(m.status),
          )
        : [c];
    // Also a notice to this member alone (not `toDispute`): whether they act for their dispute decides its text.
    const acting =
      p.notActingTemplate && c.collectiveDisputeId ? await this.actingMembers(c.collectiveDisputeId) : null;
    for (const m of members)
      await this.sendSms(m, {
        template: acting && !acting.has(m.id) ? p.notActingTemplate! : p.template,
        params: p.params,
        dedupKey: m.id === c.id ? p.dedupKey : `${p.dedupKey}:${m.id}`,
      });
  }

  /** The member complaints of the dispute whose complainant acts for the group (collective.rules.ts). */
  private async actingMembers(disputeId: string): Promise<Set<string>> {
    const em = this.tx.manager;
    const dispute = await this.collective.findDispute(em, disputeId);
    const members = (await this.repo.membersOfDispute(em, disputeId)).map((m) => ({
      complaintId: m.id,
      status: m.status,
      complainantUserId: m.complainantUserId,
    }));
    return membersActingFor(members, dispute?.representativeComplaintIds ?? []);
  }
}
