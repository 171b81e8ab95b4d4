import { Injectable } from '@nestjs/common';
import { EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Page } from '../common/http/pagination';
import { jurisdictionPatterns, keysetPage, whereIdIs, whereInJurisdictions } from '../database/query-helpers';
import { ComplaintMessage } from './entities/complaint-message.entity';
import { Complaint } from './entities/complaint.entity';
import type { ComplaintQueryDto } from './dto/complaint-query.dto';
import { TrackingBlocks } from './tracking-sequence';
import { prepared } from '../database/prepared-statements';
import { findRow } from '../database/entity-rows';
import { GUARD, sendGuarded, type Write } from '../database/writes';
import {
  duplicateProbe,
  duplicateProbeParams,
  type DuplicateProbe,
  type ProbedComplaint,
} from './duplicate-probe';

/** Who may see which complaints: the complainant's own, or those of streets in the caller's scope. */
export type VisibilityScope = { complainantUserId: string } | { jurisdictionPrefixes: string[] };

/** What intake decides of a new complaint; the rest starts empty or is filled by the database. */
export type NewComplaint = Omit<
  Complaint,
  | 'duplicateReview'
  | 'routeTarget'
  | 'routeOrganisationId'
  | 'routedAt'
  | 'collectiveDisputeId'
  | 'accessFailures'
  | 'accessLockedUntil'
  | 'acknowledgedAt'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'employer'
  | 'workplaceStreet'
  | 'complainantUser'
  | 'filedByUser'
  | 'routeOrganisation'
  | 'collectiveDispute'
  | 'possibleDuplicateOf'
>;

/**
 * A complaint's INSERT, with the possible-duplicate check inside it or without. The probe's parameters are its own
 * ($28–$34): a parameter shared with the VALUES list would need one type in both places.
 */
function insertComplaint(duplicateOf: string): string {
  return prepared(`INSERT INTO complaints (id, tracking_no, kind, status, category, channel, employer_id,
     workplace_street_code, claimed_amount_fen, affected_workers, facts, requests, complainant_user_id,
     complainant_name, complainant_id_number_enc, complainant_id_number_bidx, complainant_phone_enc,
     complainant_phone_bidx, complainant_verified, filed_by_user_id, on_behalf_relationship, wants_arbitration,
     possible_duplicate_of, access_code_hash, received_on, employer_name_stated, employer_phone_stated,
     employer_address_stated, version)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
           ${duplicateOf}, $23, $24, $25, $26, $27, 1)
   RETURNING created_at, updated_at, possible_duplicate_of`);
}
const INSERT_COMPLAINT = insertComplaint('NULL');
const INSERT_COMPLAINT_WITH_PROBE = insertComplaint(duplicateProbe(28));
/**
 * 补正: the employer named, and the possible-duplicate flag probed again for it ($1–$7) — the review of a flag that
 * changed starts again (a dismissal was of another original).
 */
const REPLACE_EMPLOYER = prepared(`UPDATE complaints c
    SET employer_id = $2, employer_name_stated = $8, employer_phone_stated = $9, employer_address_stated = $10,
        updated_at = now(),
        version = c.version + 1,
        possible_duplicate_of = p.id,
        duplicate_review = CASE WHEN p.id IS NOT DISTINCT FROM c.possible_duplicate_of THEN c.duplicate_review END
   FROM (SELECT ${duplicateProbe(1)} AS id) p
  WHERE c.id = $1
  RETURNING c.possible_duplicate_of`);

/** All SQL of the complaints module. */
/** The bound values of a list page that are keys: the complainant's user id (`applyScope`). */
const OWN_PAGE_KEYS = ['uid'];

@Injectable()
export class ComplaintsRepository {
  private readonly trackingBlocks = new TrackingBlocks();

  /**
   * The next number of the year's tracking sequence (no lock held), from the block of numbers the process drew
   * (tracking-sequence.ts).
   */
  nextTrackingSeq(em: EntityManager, prefix: string, year: number): Promise<number> {
    return this.trackingBlocks.next(em, prefix, year);
  }

  /**
   * Inserts a new complaint and returns it as a read of the row would (created_at, updated_at and the duplicate flag
   * come back from the INSERT's RETURNING), so intake answers without reading it again. With a probe, the earliest
   * possible duplicate is looked up inside the same statement and written with the row. Plain SQL: it runs in every
   * intake (issue 17).
   */
  async insert(em: EntityManager, f: NewComplaint, probe: DuplicateProbe | null): Promise<Complaint> {
    const [row] = await em.query<
      { created_at: Date; updated_at: Date; possible_duplicate_of: string | null }[]
    >(probe ? INSERT_COMPLAINT_WITH_PROBE : INSERT_COMPLAINT, [
      f.id,
      f.trackingNo,
      f.kind,
      f.status,
      f.category,
      f.channel,
      f.employerId,
      f.workplaceStreetCode,
      f.claimedAmountFen,
      f.affectedWorkers,
      f.facts,
      f.requests,
      f.complainantUserId,
      f.complainantName,
      f.complainantIdNumberEnc,
      f.complainantIdNumberBidx,
      f.complainantPhoneEnc,
      f.complainantPhoneBidx,
      f.complainantVerified,
      f.filedByUserId,
      f.onBehalfRelationship,
      f.wantsArbitration,
      f.accessCodeHash,
      f.receivedOn,
      f.employerNameStated,
      f.employerPhoneStated,
      f.employerAddressStated,
      ...(probe ? duplicateProbeParams(f, probe) : []),
    ]);
    const { accessCodeHash: _notSelected, ...rest } = f; // never selected by a read (select: false)
    return Object.assign(new Complaint(), rest, {
      duplicateReview: null,
      routeTarget: null,
      routeOrganisationId: null,
      routedAt: null,
      collectiveDisputeId: null,
      accessFailures: 0,
      accessLockedUntil: null,
      acknowledgedAt: null,
      possibleDuplicateOf: row.possible_duplicate_of,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: 1,
    });
  }

  /**
   * The complaint if the scope sees it. By its key and a prepared text (every case file and action checks it): the
   * scope's prefixes are bound, the row comes from the primary key whatever they are.
   */
  findVisible(em: EntityManager, id: string, scope: VisibilityScope): Promise<Complaint | null> {
    if ('complainantUserId' in scope)
      return findRow(em, Complaint, 'id = $1 AND complainant_user_id = $2', [id, scope.complainantUserId]);
    return findRow(em, Complaint, 'id = $1 AND workplace_street_code LIKE ANY($2::text[])', [
      id,
      jurisdictionPatterns(scope.jurisdictionPrefixes),
    ]);
  }

  /** A complaint of the staff member's jurisdictions by its tracking number, or null. */
  findInJurisdictionsByTrackingNo(
    em: EntityManager,
    trackingNo: string,
    prefixes: string[],
  ): Promise<Complaint | null> {
    return findRow(em, Complaint, 'tracking_no = $1 AND workplace_street_code LIKE ANY($2::text[])', [
      trackingNo,
      jurisdictionPatterns(prefixes),
    ]);
  }

  /** Whether the scope sees any member of the collective dispute. */
  async anyVisibleInDispute(em: EntityManager, disputeId: string, scope: VisibilityScope): Promise<boolean> {
    const qb = em
      .createQueryBuilder(Complaint, 'c')
      .where('c.collective_dispute_id = :disputeId', { disputeId });
    this.applyScope(qb, scope);
    return (await qb.getCount()) > 0;
  }

  /** Complaints routed to `target` on a day (Asia/Shanghai) in [from, to], oldest routing first. */
  routedBetween(
    em: EntityManager,
    target: string,
    from: string,
    to: string,
  ): Promise<{ id: string; routedOn: string; collectiveDisputeId: string | null }[]> {
    return em.query(
      `SELECT id, to_char(routed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "routedOn",
              collective_dispute_id AS "collectiveDisputeId"
         FROM complaints
        WHERE status = 'ROUTED' AND route_target = $1
          AND (routed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date
        ORDER BY routed_at`,
      [target, from, to],
    );
  }

  /** The members of a collective dispute, oldest first. */
  membersOfDispute(em: EntityManager, disputeId: string): Promise<Complaint[]> {
    return em.find(Complaint, { where: { collectiveDisputeId: disputeId }, order: { createdAt: 'ASC' } });
  }

  async list(em: EntityManager, scope: VisibilityScope, q: ComplaintQueryDto): Promise<Page<Complaint>> {
    const limit = q.limit ?? 20;
    const qb = em.createQueryBuilder(Complaint, 'c').where('1 = 1');
    this.applyScope(qb, scope);
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.category) qb.andWhere('c.category = :category', { category: q.category });
    if (q.street) qb.andWhere('c.workplace_street_code LIKE :street', { street: `${q.street}%` });
    if (q.trackingNo) qb.andWhere('c.tracking_no = :trackingNo', { trackingNo: q.trackingNo });
    if (q.employerId) qb.andWhere('c.employer_id = :employerId', { employerId: q.employerId });
    if (q.from) qb.andWhere('c.received_on >= :from', { from: q.from });
    if (q.to) qb.andWhere('c.received_on <= :to', { to: q.to });
    // A worker's own page: the user id is a key (idx_complaints_complainant_created), one plan for every worker.
    return keysetPage(em, qb, 'c', q.cursor, limit, 'newest', OWN_PAGE_KEYS);
  }

  private applyScope(qb: SelectQueryBuilder<Complaint>, scope: VisibilityScope): void {
    if ('complainantUserId' in scope) {
      qb.andWhere('c.complainant_user_id = :uid', { uid: scope.complainantUserId });
    } else {
      whereInJurisdictions(qb, 'c.workplace_street_code', scope.jurisdictionPrefixes, 'street codes');
    }
  }

  async findReportByTrackingNo(
    em: EntityManager,
    trackingNo: string,
    lock = false,
  ): Promise<Complaint | null> {
    const qb = em
      .createQueryBuilder(Complaint, 'c')
      .addSelect('c.accessCodeHash')
      .where('c.tracking_no = :trackingNo AND c.kind = :kind', { trackingNo, kind: 'REPORT' });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async trackingNoTaken(em: EntityManager, trackingNo: string): Promise<boolean> {
    const rows = await em.query<unknown[]>('SELECT 1 FROM complaints WHERE tracking_no = $1', [trackingNo]);
    return rows.length > 0;
  }

  async recordAccessFailure(
    em: EntityManager,
    id: string,
    lockAfter: number,
    lockMinutes: number,
  ): Promise<void> {
    await em.query(
      `UPDATE complaints SET access_failures = access_failures + 1,
              access_locked_until = CASE WHEN access_failures + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE access_locked_until END
        WHERE id = $1`,
      [id, lockAfter, lockMinutes],
    );
  }

  async resetAccessFailures(em: EntityManager, id: string): Promise<void> {
    await em.query(
      'UPDATE complaints SET access_failures = 0, access_locked_until = NULL WHERE id = $1 AND access_failures > 0',
      [id],
    );
  }

  /** Stores a message; returns the time stored with it (the database's, as the thread lists it). */
  async insertMessage(em: EntityManager, message: Partial<ComplaintMessage>): Promise<Date> {
    const r = await em
      .createQueryBuilder()
      .insert()
      .into(ComplaintMessage)
      .values(message)
      .returning(['createdAt'])
      .execute();
    return new Date((r.raw as { created_at: Date | string }[])[0].created_at);
  }

  /** A page of a case's (or a 举报's) thread, oldest first (the order it is read in); 20 a page unless asked. */
  messagePage(
    em: EntityManager,
    complaintId: string,
    page: { cursor?: string; limit?: number },
  ): Promise<Page<ComplaintMessage>> {
    const qb = whereIdIs(em.createQueryBuilder(ComplaintMessage, 'm'), 'm.complaint_id', complaintId);
    return keysetPage(em, qb, 'm', page.cursor, page.limit ?? 20, 'oldest');
  }

  async update(
    em: EntityManager,
    id: string,
    changes: Partial<
      Pick<
        Complaint,
        | 'possibleDuplicateOf'
        | 'duplicateReview'
        | 'routeTarget'
        | 'routeOrganisationId'
        | 'routedAt'
        | 'status'
      >
    >,
  ): Promise<void> {
    await em.update(Complaint, { id }, changes);
  }

  /**
   * 补正: the employer a correction names, with the party's statement of it (name and contact number as typed), and
   * the possible-duplicate flag probed for that employer as intake probes it; returns the flag now set.
   */
  async replaceEmployer(
    em: EntityManager,
    c: ProbedComplaint &
      Pick<Complaint, 'employerNameStated' | 'employerPhoneStated' | 'employerAddressStated'>,
    probe: DuplicateProbe,
  ): Promise<string | null> {
    const [[row]] = await em.query<[{ possible_duplicate_of: string | null }[], number]>(REPLACE_EMPLOYER, [
      ...duplicateProbeParams(c, probe),
      c.employerNameStated,
      c.employerPhoneStated,
      c.employerAddressStated,
    ]);
    return row.possible_duplicate_of;
  }

  async updateStatus(em: EntityManager, id: string, status: Complaint['status']): Promise<void> {
    await em.update(Complaint, { id }, { status });
  }

  /** Links the unlinked complaints naming these keys to the account (complainant-links.ts has the rule). */
  async linkToAccount(em: EntityManager, k: { userId: string; idNumberBidx: string; phoneBidx: string }) {
    const [rows] = await em.query<[{ id: string; status: string }[], number]>(
      `UPDATE complaints SET complainant_user_id = $1, updated_at = now()
        WHERE complainant_id_number_bidx = $2 AND complainant_phone_bidx = $3 AND complainant_user_id IS NULL
          AND kind = 'COMPLAINT' AND on_behalf_relationship IS NULL RETURNING id, status`,
      [k.userId, k.idNumberBidx, k.phoneBidx],
    );
    return rows;
  }

  /** Whether a complaint in the prefixes' streets is the account's or names its phone (who may correct it). */
  async namesWorkerWithin(em: EntityManager, k: { userId: string; phoneBidx: string }, prefixes: string[]) {
    const [row] = await em.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM complaints WHERE (complainant_user_id = $1 OR complainant_phone_bidx = $2)
          AND workplace_street_code LIKE ANY($3::text[])) AS found`,
      [k.userId, k.phoneBidx, jurisdictionPatterns(prefixes)],
    );
    return row.found;
  }

  findById(em: EntityManager, id: string): Promise<Complaint | null> {
    return findRow(em, Complaint, 'id = $1', [id]);
  }

  /** The row under a share lock: a proceeding opening on it and a withdrawal of it serialise. */
  async lockForShare(em: EntityManager, id: string): Promise<Complaint | null> {
    return em
      .createQueryBuilder(Complaint, 'c')
      .setLock('pessimistic_read')
      .where('c.id = :id', { id })
      .getOne();
  }

  /**
   * Claims the acknowledgement of a complaint: marks it acknowledged unless it already is, with `records` (writes
   * gated on the mark: its event, a report's message), in one statement on its own — all of it or, when the mark was
   * set already (or the complaint is gone), none. Returns whether this call set it. The UPDATE's row lock holds a
   * concurrent claim until this statement commits; that one then finds the mark and writes nothing.
   */
  claimAcknowledgement(em: EntityManager, id: string, records: readonly Write[]): Promise<boolean> {
    return sendGuarded(
      em,
      {
        sql: 'UPDATE complaints SET acknowledged_at = now() WHERE id = $1 AND acknowledged_at IS NULL RETURNING id',
        params: [id],
      },
      records,
    );
  }

  /** A message in the complaint's channel, as a write gated on the statement's guard (`claimAcknowledgement`). */
  gatedMessageWrite(
    message: Pick<ComplaintMessage, 'id' | 'complaintId' | 'author' | 'authorUserId' | 'body'>,
  ): Write {
    return {
      sql: `INSERT INTO complaint_messages (id, complaint_id, author, author_user_id, body)
        SELECT $1::uuid, $2::uuid, $3::varchar, $4::uuid, $5::text WHERE EXISTS (SELECT 1 FROM ${GUARD})`,
      params: [message.id, message.complaintId, message.author, message.authorUserId, message.body],
    };
  }

  async lockForUpdate(em: EntityManager, id: string): Promise<Complaint | null> {
    return em
      .createQueryBuilder(Complaint, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }
}
