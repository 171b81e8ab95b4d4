import { VERIFIED_WORKER_KEY } from './complainant.rules';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { newId } from '../common/ids';
import { CollectiveDispute, CollectiveProposalDismissal } from './entities/collective-dispute.entity';
import type { ComplaintStatus } from './complaint.constants';
import { Complaint } from './entities/complaint.entity';

export interface ProposalRow {
  employer_id: string;
  category: string;
  workers: number;
  complaint_ids: string[];
  /** Each complaint's status, verified worker key (null: not counted) and date of receipt, as complaint_ids. */
  statuses: ComplaintStatus[];
  worker_keys: (string | null)[];
  received_ons: string[];
  first_received: string;
  last_received: string;
}

/** All SQL of collective disputes. */
@Injectable()
export class CollectiveRepository {
  /**
   * Groups unlinked complaints of the window by employer and category (set-based, one query) and keeps the
   * groups with at least `minWorkers` distinct verified workers (accounts; complaints filed on someone's behalf do
   * not count, so one account cannot make a collective dispute) that were not dismissed within the window. Complaints
   * of `excludedStatuses` are left out here; the caller leaves out those its own proceedings exclude
   * (CollectiveEligibility.narrow, which the per-complaint arrays serve).
   */
  proposals(
    em: EntityManager,
    p: {
      prefixes: string[];
      today: string;
      windowDays: number;
      minWorkers: number;
      excludedStatuses: readonly ComplaintStatus[];
    },
  ): Promise<ProposalRow[]> {
    if (p.prefixes.length === 0) return Promise.resolve([]);
    return em.query<ProposalRow[]>(
      `SELECT c.employer_id, c.category,
              count(DISTINCT ${VERIFIED_WORKER_KEY('c')})::int AS workers,
              array_agg(c.id ORDER BY c.created_at) AS complaint_ids,
              array_agg(c.status ORDER BY c.created_at) AS statuses,
              array_agg(${VERIFIED_WORKER_KEY('c')} ORDER BY c.created_at) AS worker_keys,
              array_agg(c.received_on::text ORDER BY c.created_at) AS received_ons,
              min(c.received_on)::text AS first_received, max(c.received_on)::text AS last_received
         FROM complaints c
        WHERE c.kind = 'COMPLAINT' AND c.collective_dispute_id IS NULL AND c.status <> ALL ($5::text[])
          AND c.received_on > $2::date - $3::int
          AND c.workplace_street_code LIKE ANY ($1::text[])
          AND NOT EXISTS (SELECT 1 FROM collective_proposal_dismissals d
                           WHERE d.employer_id = c.employer_id AND d.category = c.category
                             AND d.dismissed_on > $2::date - $3::int)
        GROUP BY c.employer_id, c.category
       HAVING count(DISTINCT ${VERIFIED_WORKER_KEY('c')}) >= $4
        ORDER BY workers DESC, c.employer_id`,
      [p.prefixes.map((x) => `${x}%`), p.today, p.windowDays, p.minWorkers, p.excludedStatuses],
    );
  }

  lockComplaints(em: EntityManager, ids: string[]): Promise<Complaint[]> {
    return em.find(Complaint, {
      where: { id: In(ids) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insertDispute(
    em: EntityManager,
    d: Omit<CollectiveDispute, 'createdAt' | 'priority'>,
  ): Promise<void> {
    await em.insert(CollectiveDispute, { ...d, priority: true });
  }

  async linkComplaints(em: EntityManager, disputeId: string, complaintIds: string[]): Promise<void> {
    await em.update(Complaint, { id: In(complaintIds) }, { collectiveDisputeId: disputeId });
  }

  /** The member leaves its dispute (CollectiveMembersService.remove): its complaint goes on alone. */
  async unlinkComplaint(em: EntityManager, complaintId: string): Promise<void> {
    await em.update(Complaint, { id: complaintId }, { collectiveDisputeId: null });
  }

  findDispute(em: EntityManager, id: string): Promise<CollectiveDispute | null> {
    return em.findOne(CollectiveDispute, { where: { id } });
  }

  membersOf(em: EntityManager, disputeId: string): Promise<Complaint[]> {
    return em.find(Complaint, { where: { collectiveDisputeId: disputeId }, order: { createdAt: 'ASC' } });
  }

  async dismiss(
    em: EntityManager,
    employerId: string,
    category: string,
    today: string,
    by: string,
  ): Promise<void> {
    await em.insert(CollectiveProposalDismissal, {
      id: newId(),
      employerId,
      category: category as CollectiveDispute['category'],
      dismissedOn: today,
      dismissedBy: by,
    });
  }
}
