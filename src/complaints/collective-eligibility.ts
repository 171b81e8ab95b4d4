import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import type { ProposalRow } from './collective.repository';
import {
  collectiveIneligibility,
  type IneligibilityReason,
  type OwnProceedingState,
} from './collective-eligibility.rules';
import type { ComplaintStatus } from './complaint.constants';

/**
 * The states of each complaint's own proceedings (collective-eligibility.rules.ts OWN_PROCEEDING_STATES; a complaint
 * with none may be missing from the map), read in bulk. The case file registers it (case-file/claim-standing-links.ts):
 * the complaints module may not import mediation, arbitration or inspection (lower rooms never ask upper ones).
 */
export type OwnProceedingsLookup = (
  em: EntityManager,
  complaintIds: readonly string[],
) => Promise<ReadonlyMap<string, readonly OwnProceedingState[]>>;

/** A complaint kept out of a collective dispute, and why (409 COLLECTIVE_MEMBERS_INELIGIBLE `details.excluded`). */
export interface IneligibleMember {
  complaintId: string;
  trackingNo: string;
  reasons: IneligibilityReason[];
}

/**
 * Which complaints may be proposed or confirmed as members of a collective dispute (调解仲裁法 第七条): only claims
 * still pending and handled in no proceeding of their own (collectiveIneligibility). The proposals leave the others
 * out; confirming one is 409 COLLECTIVE_MEMBERS_INELIGIBLE naming each with its reasons.
 */
@Injectable()
export class CollectiveEligibility {
  private lookup: OwnProceedingsLookup | null = null;

  registerLookup(lookup: OwnProceedingsLookup): void {
    this.lookup = lookup;
  }

  private async states(
    em: EntityManager,
    ids: readonly string[],
  ): Promise<ReadonlyMap<string, readonly OwnProceedingState[]>> {
    // Fail closed: without the case file's answer a settled claim would slip into the group (audit 2026-12-07).
    if (!this.lookup) throw new Error('CollectiveEligibility: no own-proceedings lookup registered');
    return ids.length ? this.lookup(em, ids) : new Map();
  }

  /** The complaints that may not join, in the given order, each with its reasons. */
  async ineligible(
    em: EntityManager,
    complaints: readonly { id: string; trackingNo: string; status: ComplaintStatus }[],
  ): Promise<IneligibleMember[]> {
    const reasons = await this.reasons(em, complaints);
    return complaints.flatMap((c, i) =>
      reasons[i].length ? [{ complaintId: c.id, trackingNo: c.trackingNo, reasons: reasons[i] }] : [],
    );
  }

  /** Each complaint's reasons not to join (none: it may), in the given order. */
  private async reasons(
    em: EntityManager,
    complaints: readonly { id: string; status: ComplaintStatus }[],
  ): Promise<IneligibilityReason[][]> {
    const states = await this.states(
      em,
      complaints.map((c) => c.id),
    );
    return complaints.map((c) =>
      collectiveIneligibility({ status: c.status, proceedings: states.get(c.id) ?? [] }),
    );
  }

  /** 409 COLLECTIVE_MEMBERS_INELIGIBLE unless every complaint may join. */
  async assertEligible(
    em: EntityManager,
    complaints: readonly { id: string; trackingNo: string; status: ComplaintStatus }[],
  ): Promise<void> {
    const excluded = await this.ineligible(em, complaints);
    if (excluded.length)
      throw AppException.conflict(
        'COLLECTIVE_MEMBERS_INELIGIBLE',
        `Not pending, or handled in a proceeding of their own: ${excluded.map((e) => `${e.trackingNo} (${e.reasons.join(', ')})`).join('; ')}`,
        { excluded, allowed: ['complaintIds without them'] },
      );
  }

  /**
   * The proposals with their ineligible complaints left out: each group's workers (distinct verified workers) and
   * dates counted again over the rest, and a group left with fewer than `minWorkers` dropped. Leaving complaints out
   * only lowers a count, so the SQL's groups of at least `minWorkers` are every group that can remain.
   */
  async narrow(em: EntityManager, rows: readonly ProposalRow[], minWorkers: number): Promise<ProposalRow[]> {
    const candidates = rows.flatMap((r) => r.complaint_ids.map((id, i) => ({ id, status: r.statuses[i] })));
    const reasons = await this.reasons(em, candidates);
    const excluded = new Set(candidates.filter((_, i) => reasons[i].length > 0).map((c) => c.id));
    const narrowed = rows.flatMap((r) => {
      const kept = r.complaint_ids.flatMap((id, i) => (excluded.has(id) ? [] : [i]));
      if (kept.length === r.complaint_ids.length) return [r];
      const keys = new Set(kept.map((i) => r.worker_keys[i]).filter((k) => k !== null));
      if (keys.size < minWorkers) return [];
      const received = kept.map((i) => r.received_ons[i]);
      const dates = [...received].sort();
      return [
        {
          ...r,
          workers: keys.size,
          complaint_ids: kept.map((i) => r.complaint_ids[i]),
          statuses: kept.map((i) => r.statuses[i]),
          worker_keys: kept.map((i) => r.worker_keys[i]),
          received_ons: received,
          first_received: dates[0],
          last_received: dates[dates.length - 1],
        },
      ];
    });
    // The SQL's order (most workers first, then the employer), counted again.
    return narrowed.sort(
      (a, b) =>
        b.workers - a.workers || (a.employer_id < b.employer_id ? -1 : a.employer_id > b.employer_id ? 1 : 0),
    );
  }
}
