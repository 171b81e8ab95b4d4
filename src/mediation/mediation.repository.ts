import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Page } from '../common/http/pagination';
import { keysetPageWithColumns, whereInJurisdictions } from '../database/query-helpers';
import { MediationAgreement } from './entities/mediation-agreement.entity';
import { MediationCase } from './entities/mediation-case.entity';
import { MediationInstalment } from './entities/mediation-instalment.entity';
import { MediationSession } from './entities/mediation-session.entity';
import { MediatorConflict } from './entities/mediator-conflict.entity';
import type { AgreementStatus } from './mediation.state';
import { findRows, type RowsRead } from '../database/entity-rows';
import { keyArray } from '../database/key-lists';
import { prepared } from '../database/prepared-statements';
import type { CasePartiesRow } from '../complaints/case-parties';
import { agreementOf, DETAILS, DETAILS_OF_ROW, partiesOf, sessionsOf } from './mediation-details.sql';

/** An unpaid instalment falling due soon, with who is reminded of it. */
export interface DueSoonInstalment {
  id: string;
  /** The mediation case of the agreement. */
  case_id: string;
  seq: number;
  due_on: string;
  /** integer fen, as text (bigint) */
  amount_fen: string;
  employer_id: string;
  complaint_id: string;
  /** The collective dispute whose one agreement it is (调解仲裁法 第七条), or null. */
  collective_dispute_id: string | null;
}

/** What a view of an agreement shows of each of its instalments. */
export type InstalmentFields = Pick<
  MediationInstalment,
  'id' | 'seq' | 'dueOn' | 'amountFen' | 'paidOn' | 'status'
>;

/** What a view of a case shows of each of its sessions (`startsAt` as `Date.toISOString` writes it). */
export interface SessionFields {
  id: string;
  startsAt: string;
  place: string | null;
  onlineLink: string | null;
  notes: string | null;
  /** When it was called off (the mediation closed before it), else null. */
  cancelledAt: string | null;
}

/** What a view of a case shows of its agreement, with its instalments in order. */
export type AgreementFields = Pick<MediationAgreement, 'status' | 'claims' | 'totalFen' | 'signedOn'> & {
  instalments: InstalmentFields[];
};

/** A case's sessions (in order), its agreement and its parties, as a list page reads them (mediation-details.sql.ts). */
export interface CaseDetails {
  sessions: SessionFields[];
  agreement: AgreementFields | null;
  parties: CasePartiesRow;
}

/** All SQL of the mediation module. */
@Injectable()
export class MediationRepository {
  casesOfComplaint(em: EntityManager, complaintId: string): Promise<MediationCase[]> {
    return findRows(em, MediationCase, 'complaint_id = $1 ORDER BY created_at', [complaintId]);
  }

  /** Each case's mediator and the committee and street whose mediators may act on it (deadline reminders). */
  mediatorsOf(
    em: EntityManager,
    caseIds: string[],
  ): Promise<Pick<MediationCase, 'id' | 'mediatorUserId' | 'organisationId' | 'streetCode'>[]> {
    return em.find(MediationCase, {
      where: { id: In(caseIds) },
      select: { id: true, mediatorUserId: true, organisationId: true, streetCode: true },
    });
  }

  async insertCase(em: EntityManager, c: Partial<MediationCase>): Promise<void> {
    await em.insert(MediationCase, c);
  }

  findCase(em: EntityManager, id: string): Promise<MediationCase | null> {
    return em.findOne(MediationCase, { where: { id } });
  }

  /** The open cases a mediator holds, locked (SELECT … FOR UPDATE) in id order (a staff change hands them over). */
  lockOpenCasesOfMediator(em: EntityManager, userId: string): Promise<MediationCase[]> {
    return em
      .createQueryBuilder(MediationCase, 'm')
      .setLock('pessimistic_write')
      .where('m.mediator_user_id = :userId AND m.status = :open', { userId, open: 'OPEN' })
      .orderBy('m.id')
      .getMany();
  }

  lockCase(em: EntityManager, id: string): Promise<MediationCase | null> {
    return em
      .createQueryBuilder(MediationCase, 'm')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }

  /** The latest case of a complaint or of its collective dispute, locked (SELECT … FOR UPDATE), or null. */
  lockLatestCase(
    em: EntityManager,
    complaintId: string,
    disputeId: string | null,
  ): Promise<MediationCase | null> {
    const q = em.createQueryBuilder(MediationCase, 'm').setLock('pessimistic_write');
    return (
      disputeId
        ? q.where('m.complaint_id = :complaintId OR m.collective_dispute_id = :disputeId', {
            complaintId,
            disputeId,
          })
        : q.where('m.complaint_id = :complaintId', { complaintId })
    )
      .orderBy('m.created_at', 'DESC')
      .limit(1)
      .getOne();
  }

  async existsForComplaint(em: EntityManager, complaintId: string): Promise<boolean> {
    return em.exists(MediationCase, { where: { complaintId } });
  }

  /** The open case of a collective dispute, if any. */
  async openCaseOfDispute(em: EntityManager, disputeId: string): Promise<string | null> {
    const row = await em.findOne(MediationCase, {
      where: { collectiveDisputeId: disputeId, status: 'OPEN' },
      select: { id: true },
    });
    return row?.id ?? null;
  }

  /**
   * The cases of a complaint and of its collective dispute, oldest first, each with its sessions and agreement: a
   * read to send with the case file's others (readTogether).
   */
  casesOfComplaintOrDisputeRead(
    complaintId: string,
    disputeId: string | null,
  ): RowsRead<MediationCase, { cases: MediationCase[]; details: Map<string, CaseDetails> }> {
    return {
      target: MediationCase,
      extra: DETAILS_OF_ROW,
      ...(disputeId
        ? { where: 'complaint_id = $1 OR collective_dispute_id = $2', params: [complaintId, disputeId] }
        : { where: 'complaint_id = $1', params: [complaintId] }),
      orderBy: 'created_at',
      make: (rows) => ({
        cases: rows.map((r) => r.entity),
        details: new Map(
          rows.map(({ entity, row }) => [
            entity.id,
            { sessions: row.sessions, agreement: row.agreement, parties: row.parties } as CaseDetails,
          ]),
        ),
      }),
    };
  }

  /** Writes the changes and increments the version (the caller holds the row lock and checked the version). */
  async updateCase(
    em: EntityManager,
    id: string,
    changes: Partial<
      Pick<MediationCase, 'status' | 'outcome' | 'outcomeNote' | 'closedOn' | 'mediatorUserId'>
    >,
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .update(MediationCase)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Of the candidate mediators (`MediationAssignmentService.acceptable`: no declared conflict), the one with the fewest open cases. */
  async pickMediator(em: EntityManager, candidateIds: string[]): Promise<string | null> {
    if (candidateIds.length === 0) return null;
    const rows = await em.query<{ id: string }[]>(
      `SELECT c.id FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, ord)
        ORDER BY (SELECT count(*) FROM mediation_cases m WHERE m.mediator_user_id = c.id AND m.status = 'OPEN'), c.ord
        LIMIT 1`,
      [candidateIds],
    );
    return rows[0]?.id ?? null;
  }

  /** Records (or re-words) a declared conflict of an employer the caller found in the register. */
  async insertConflict(
    em: EntityManager,
    c: Pick<MediatorConflict, 'userId' | 'employerId' | 'reason'>,
  ): Promise<void> {
    await em.query(
      `INSERT INTO mediator_conflicts (user_id, employer_id, reason) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, employer_id) DO UPDATE SET reason = EXCLUDED.reason`,
      [c.userId, c.employerId, c.reason],
    );
  }

  /** Whether the user declared a conflict with the employer (回避). */
  async hasConflict(em: EntityManager, userId: string, employerId: string): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `SELECT 1 FROM mediator_conflicts WHERE user_id = $1 AND employer_id = $2`,
      [userId, employerId],
    );
    return rows.length > 0;
  }

  /** The users who declared a conflict with the employer (回避), in one read: the colleagues' filter. */
  async conflictedWith(em: EntityManager, employerId: string): Promise<Set<string>> {
    const rows = await em.query<{ user_id: string }[]>(
      `SELECT user_id FROM mediator_conflicts WHERE employer_id = $1`,
      [employerId],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** A page of cases, with each one's sessions, agreement and parties read in the page's own statement. */
  async list(
    em: EntityManager,
    prefixes: string[],
    q: { limit?: number; cursor?: string; status?: string; assigneeUserId?: string },
  ): Promise<{ page: Page<MediationCase>; details: Map<string, CaseDetails> }> {
    const limit = q.limit ?? 20;
    const qb = whereInJurisdictions(
      em
        .createQueryBuilder(MediationCase, 'm')
        .addSelect(sessionsOf('m.id'), 'sessions')
        .addSelect(agreementOf('m.id'), 'agreement')
        .addSelect(partiesOf('m'), 'parties')
        .where('1 = 1'),
      'm.street_code',
      prefixes,
      'street codes',
    );
    if (q.status) qb.andWhere('m.status = :status', { status: q.status });
    if (q.assigneeUserId) qb.andWhere('m.mediator_user_id = :assignee', { assignee: q.assigneeUserId });
    const { page, columns } = await keysetPageWithColumns<
      MediationCase,
      CaseDetails & Record<string, unknown>
    >(em, qb, 'm', q.cursor, limit, ['sessions', 'agreement', 'parties']);
    return { page, details: columns };
  }

  /** Books the session unless the case has one not called off at the same start; returns whether it did. */
  async insertSession(
    em: EntityManager,
    s: Pick<MediationSession, 'id' | 'caseId' | 'startsAt' | 'place' | 'onlineLink' | 'notes'>,
  ): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `INSERT INTO mediation_sessions (id, case_id, starts_at, place, online_link, notes)
       SELECT $1::uuid, $2::uuid, $3::timestamptz, $4::varchar, $5::varchar, $6::text
        WHERE NOT EXISTS (SELECT 1 FROM mediation_sessions
                           WHERE case_id = $2 AND starts_at = $3 AND cancelled_at IS NULL)
       RETURNING id`,
      [s.id, s.caseId, s.startsAt, s.place, s.onlineLink, s.notes],
    );
    return rows.length > 0;
  }

  /**
   * Calls off the case's sessions not yet begun at `now` (the mediation closed before them); returns them, earliest
   * first. A session already called off is left as it was.
   */
  async cancelSessionsAfter(
    em: EntityManager,
    caseId: string,
    now: Date,
  ): Promise<{ id: string; startsAt: string }[]> {
    const rows = await em.query<{ id: string; starts_at: Date }[]>(
      `WITH cancelled AS (
         UPDATE mediation_sessions SET cancelled_at = $2
          WHERE case_id = $1 AND starts_at > $2 AND cancelled_at IS NULL
          RETURNING id, starts_at)
       SELECT * FROM cancelled ORDER BY starts_at, id`,
      [caseId, now],
    );
    return rows.map((r) => ({ id: r.id, startsAt: new Date(r.starts_at).toISOString() }));
  }

  sessionsOf(em: EntityManager, caseId: string): Promise<MediationSession[]> {
    return em.find(MediationSession, { where: { caseId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  async insertAgreement(
    em: EntityManager,
    a: Partial<MediationAgreement>,
    instalments: Partial<MediationInstalment>[],
  ): Promise<void> {
    await em.insert(MediationAgreement, a);
    await em.insert(MediationInstalment, instalments);
  }

  agreementOf(em: EntityManager, caseId: string): Promise<MediationAgreement | null> {
    return em.findOne(MediationAgreement, { where: { caseId } });
  }

  async setAgreementStatus(em: EntityManager, id: string, status: AgreementStatus): Promise<void> {
    await em.update(MediationAgreement, { id }, { status });
  }

  instalmentsOf(em: EntityManager, agreementId: string): Promise<MediationInstalment[]> {
    return em.find(MediationInstalment, { where: { agreementId }, order: { seq: 'ASC' } });
  }

  /** The sessions, the agreement (with its instalments) and the parties of several cases at once, in one query. */
  async detailsOfCases(em: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseDetails>> {
    if (caseIds.length === 0) return new Map();
    const k = keyArray('uuid', caseIds);
    const rows = await em.query<({ id: string } & CaseDetails)[]>(
      prepared(`SELECT m.id, ${DETAILS} FROM mediation_cases m WHERE m.id = ANY(${k.sql})`),
      k.params,
    );
    return new Map(rows.map(({ id, ...details }) => [id, details]));
  }

  async markPaid(em: EntityManager, id: string, paidOn: string): Promise<void> {
    await em.update(MediationInstalment, { id }, { status: 'PAID', paidOn });
  }

  /** The complaints and collective disputes among these that have a mediation case, whatever its status. */
  async withCases(
    em: EntityManager,
    complaintIds: readonly string[],
    disputeIds: readonly string[],
  ): Promise<{ complaintIds: Set<string>; disputeIds: Set<string> }> {
    const rows = await em.query<{ complaint_id: string; collective_dispute_id: string | null }[]>(
      `SELECT complaint_id, collective_dispute_id FROM mediation_cases
        WHERE complaint_id = ANY($1::uuid[]) OR collective_dispute_id = ANY($2::uuid[])`,
      [complaintIds, disputeIds],
    );
    return {
      complaintIds: new Set(rows.map((r) => r.complaint_id)),
      disputeIds: new Set(rows.flatMap((r) => (r.collective_dispute_id ? [r.collective_dispute_id] : []))),
    };
  }

  async openCases(em: EntityManager): Promise<MediationCase[]> {
    return em.find(MediationCase, { where: { status: 'OPEN' }, order: { createdAt: 'ASC' } });
  }

  /** Unpaid instalments falling due within `days` days from `today` (inclusive), with their employer. */
  dueSoon(em: EntityManager, today: string, days: number): Promise<DueSoonInstalment[]> {
    return em.query<DueSoonInstalment[]>(
      `SELECT i.id, m.id AS case_id, i.seq, to_char(i.due_on, 'YYYY-MM-DD') AS due_on,
              i.amount_fen::text AS amount_fen, m.employer_id, m.complaint_id, m.collective_dispute_id
         FROM mediation_instalments i
         JOIN mediation_agreements a ON a.id = i.agreement_id
         JOIN mediation_cases m ON m.id = a.case_id
        WHERE i.status = 'DUE' AND i.due_on BETWEEN $1::date AND $1::date + $2::int
        ORDER BY i.due_on, i.id`,
      [today, days],
    );
  }

  /** Unpaid instalments due before `today` become OVERDUE; returns them with their case. */
  async markOverdue(
    em: EntityManager,
    today: string,
  ): Promise<{ id: string; agreementId: string; caseId: string; seq: number; dueOn: string }[]> {
    const rows = await em.query<
      { id: string; agreement_id: string; case_id: string; seq: number; due_on: string }[]
    >(
      // A CTE, so that pg reports a SELECT and TypeORM returns the rows themselves.
      `WITH overdue AS (
         UPDATE mediation_instalments i SET status = 'OVERDUE'
           FROM mediation_agreements a
          WHERE a.id = i.agreement_id AND i.status = 'DUE' AND i.due_on < $1::date
          RETURNING i.id, i.agreement_id, a.case_id, i.seq, to_char(i.due_on, 'YYYY-MM-DD') AS due_on)
       SELECT * FROM overdue ORDER BY case_id, seq`,
      [today],
    );
    return rows.map((r) => ({
      id: r.id,
      agreementId: r.agreement_id,
      caseId: r.case_id,
      seq: r.seq,
      dueOn: r.due_on,
    }));
  }
}
