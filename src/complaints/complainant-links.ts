import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { LOCKS, xactLock } from '../database/locks';
import { WorkersService, type EstablishedIdentity } from '../workers/workers.service';
import { ComplaintsRepository } from './complaints.repository';

/** Timeline action: a complaint filed for a worker became his to follow under /my (data: `via`, no personal data). */
export const COMPLAINANT_ACCOUNT_LINKED = 'COMPLAINANT_ACCOUNT_LINKED';

/**
 * Complaints staff entered for a worker (HOTLINE_12333, WALK_IN) become his to follow under /my once his identity is
 * established, whichever comes first: intake links a complaint to an account that already has it
 * (complainant.rules.ts resolveComplainant), this links the complaints filed before it. Platform rule (no statute;
 * 投诉 is the worker's own, 劳动保障监察条例 第九条), the same on both sides: the account's phone, proven by SMS code, is
 * the complaint's phone AND the ID number the account recorded (typed, unverified, so several accounts may hold it)
 * is the complaint's. A phone alone never links (numbers are reassigned); an ID number alone never links (it is no
 * secret). A complaint already followed by an account (the worker's own, or one filed on someone's behalf, which its
 * filer follows) is never taken over. Compared by blind indexes only (common/pii-crypto.ts), never in plaintext.
 */
@Injectable()
export class ComplainantLinks implements OnModuleInit {
  constructor(
    private readonly workers: WorkersService,
    private readonly repo: ComplaintsRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.workers.onIdentityEstablished((em, who) => this.link(em, who));
    // Staff correct the identity of a worker whose complaint is in their jurisdiction (identity-correction.service.ts):
    // the account's own, or one filed for her at a counter naming her phone (the typo that kept it unlinked).
    this.workers.onCaseScopeQuestion((em, staff, worker) =>
      this.repo.namesWorkerWithin(em, worker, staff.jurisdictions),
    );
  }

  /** Links the complaints filed for this worker that no account follows yet, each with a timeline event. */
  async link(em: EntityManager, who: EstablishedIdentity): Promise<void> {
    // Serialised with staff intake naming the same phone (complainant.service.ts): one of the two links it.
    await xactLock(em, LOCKS.complainantAccount, who.phoneBidx);
    const linked = await this.repo.linkToAccount(em, who);
    if (linked.length === 0) return;
    await this.audit.appendMany(
      em,
      linked.map((c) => ({
        caseType: 'COMPLAINT' as const,
        caseId: c.id,
        action: COMPLAINANT_ACCOUNT_LINKED,
        // The staff member who corrected the identity, else the worker whose identity it is.
        actor: who.by ?? { userId: who.userId, role: 'WORKER' as const },
        data: { via: who.via },
      })),
    );
  }
}
