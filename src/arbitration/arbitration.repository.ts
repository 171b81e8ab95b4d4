import { Injectable } from '@nestjs/common';
import { EntityManager, In, type FindOptionsWhere } from 'typeorm';
import { LOCKS, xactLock } from '../database/locks';
import type { Page } from '../common/http/pagination';
import { keysetPageWithColumns, whereIdIs, whereInJurisdictions } from '../database/query-helpers';
import { prepared } from '../database/prepared-statements';
import { CASE_PARTIES_JSON, type CasePartiesRow } from '../complaints/case-parties';
import type { ArbitrationStatus, ClosureType } from './arbitration.constants';
import type { MinimumWageRow } from './arbitration.rules';
import { ARBITRATION_OPEN_STATUSES } from './arbitration.state';
import { ArbitrationCase } from './entities/arbitration-case.entity';
import { ArbitrationClaim } from './entities/arbitration-claim.entity';
import { ArbitrationCommission } from './entities/arbitration-commission.entity';
import { ArbitrationHearing } from './entities/arbitration-hearing.entity';
import { MinimumWage } from './entities/minimum-wage.entity';
import { AverageWage } from './entities/average-wage.entity';
import type { AverageWageRow } from './simplified-procedure.rules';
import { entitiesRead, type RowsRead } from '../database/entity-rows';

/**
 * What a work-queue item shows of a case (`ArbitrationQueueService.list`, `ArbitrationCaseSummaryDto`), and the
 * keyset's `createdAt`: the queue reads these 14 of the case's 28 columns (issue 17.3; bench/README.md, twenty-first
 * pass).
 */
export const SUMMARY_COLUMNS = [
  'id',
  'caseNo',
  'complaintId',
  'source',
  'status',
  'jurisdictionCode',
  'collective',
  'tribunal',
  'arbitratorIds',
  'appliedOn',
  'acceptedOn',
  'closedOn',
  'closureType',
  'createdAt',
] as const satisfies readonly (keyof ArbitrationCase)[];

export type ArbitrationCaseSummary = Pick<ArbitrationCase, (typeof SUMMARY_COLUMNS)[number]>;

// The respondent (the case's own employer) and its complaint's complainant (CasePartiesRow), read with the case by
// their primary keys through the views their owners publish for it (docs/read-contracts.md): no statement of their own.
const partiesOf = (a: string) => `(SELECT ${CASE_PARTIES_JSON}
    FROM complaint_party_source c JOIN employer_party_source e ON e.id = ${a}.employer_id
    WHERE c.id = ${a}.complaint_id)`;

/** All SQL of the arbitration module. */
@Injectable()
export class ArbitrationRepository {
  /** The tribunal and the commission of each case (deadline reminders). */
  tribunalsOf(
    em: EntityManager,
    caseIds: string[],
  ): Promise<Pick<ArbitrationCase, 'id' | 'arbitratorIds' | 'commissionId'>[]> {
    return em.find(ArbitrationCase, {
      where: { id: In(caseIds) },
      select: { id: true, arbitratorIds: true, commissionId: true },
    });
  }

  async insertCase(em: EntityManager, c: Partial<ArbitrationCase>): Promise<void> {
    await em.insert(ArbitrationCase, c);
  }

  async insertClaims(em: EntityManager, claims: Partial<ArbitrationClaim>[]): Promise<void> {
    if (claims.length) await em.insert(ArbitrationClaim, claims);
  }

  async deleteClaims(em: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await em.delete(ArbitrationClaim, ids);
  }

  findCase(em: EntityManager, id: string): Promise<ArbitrationCase | null> {
    return em.findOne(ArbitrationCase, { where: { id } });
  }

  lockCase(em: EntityManager, id: string): Promise<ArbitrationCase | null> {
    return em
      .createQueryBuilder(ArbitrationCase, 'a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
  }

  /** Serialises applications for one complaint until commit. */
  async lockComplaintApplications(em: EntityManager, complaintId: string): Promise<void> {
    await xactLock(em, LOCKS.arbitrationApplication, complaintId);
  }

  /** Serialises hearing scheduling (double-booking checks) until commit. */
  async lockHearingCalendar(em: EntityManager): Promise<void> {
    await xactLock(em, LOCKS.arbitrationHearings);
  }

  /**
   * The open case (ARBITRATION_OPEN_STATUSES) of the complaint or of its collective dispute: its id, status and the
   * complaint it was filed on.
   * `lock`: after the lock an application takes (lockComplaintApplications), so that none slips in before commit.
   */
  async openCaseOfComplaint(
    em: EntityManager,
    complaintId: string,
    disputeId: string | null,
    lock: boolean,
  ): Promise<Pick<ArbitrationCase, 'id' | 'status' | 'complaintId'> | null> {
    if (lock) await this.lockComplaintApplications(em, disputeId ?? complaintId);
    const status = In([...ARBITRATION_OPEN_STATUSES]);
    const c = await this.caseOfComplaint(em, complaintId, disputeId, { status });
    return c ? { id: c.id, status: c.status, complaintId: c.complaintId } : null;
  }

  /**
   * The case holding the dispute of a complaint (or its collective dispute): its open case, else the oldest one an
   * award or 调解书 closed (`decidedBy`); under the lock an application takes, so none slips in before commit.
   */
  async disputeCaseOfComplaint(
    em: EntityManager,
    complaintId: string,
    disputeId: string | null,
    decidedBy: readonly ClosureType[],
  ): Promise<Pick<ArbitrationCase, 'id' | 'caseNo' | 'status' | 'closureType'> | null> {
    await this.lockComplaintApplications(em, disputeId ?? complaintId);
    return (
      (await this.caseOfComplaint(em, complaintId, disputeId, {
        status: In([...ARBITRATION_OPEN_STATUSES]),
      })) ?? (await this.closedCaseOfComplaint(em, complaintId, disputeId, decidedBy))
    );
  }

  /** A case of the complaint or of its collective dispute closed in one of these ways (the oldest). */
  async closedCaseOfComplaint(
    em: EntityManager,
    complaintId: string,
    disputeId: string | null,
    closures: readonly ClosureType[],
  ): Promise<Pick<ArbitrationCase, 'id' | 'caseNo' | 'status' | 'closureType'> | null> {
    return this.caseOfComplaint(em, complaintId, disputeId, {
      status: 'CLOSED',
      closureType: In([...closures]),
    });
  }

  /** The open applications (ARBITRATION_OPEN_STATUSES) escalated from a mediation case. */
  openCasesFromMediation(em: EntityManager, mediationCaseId: string): Promise<ArbitrationCase[]> {
    return em.find(ArbitrationCase, {
      where: { sourceMediationCaseId: mediationCaseId, status: In([...ARBITRATION_OPEN_STATUSES]) },
      order: { createdAt: 'ASC' },
    });
  }

  /** The (first) application escalated from a mediation case, whatever became of it. */
  async caseFromMediation(
    em: EntityManager,
    mediationCaseId: string,
  ): Promise<Pick<ArbitrationCase, 'id' | 'status'> | null> {
    return em.findOne(ArbitrationCase, {
      where: { sourceMediationCaseId: mediationCaseId },
      select: { id: true, status: true },
      order: { createdAt: 'ASC' },
    });
  }

  private caseOfComplaint(
    em: EntityManager,
    complaintId: string,
    disputeId: string | null,
    where: FindOptionsWhere<ArbitrationCase>,
  ): Promise<Pick<ArbitrationCase, 'id' | 'caseNo' | 'status' | 'closureType' | 'complaintId'> | null> {
    return em.findOne(ArbitrationCase, {
      where: disputeId
        ? [
            { complaintId, ...where },
            { collectiveDisputeId: disputeId, ...where },
          ]
        : { complaintId, ...where },
      select: { id: true, caseNo: true, status: true, closureType: true, complaintId: true },
      order: { createdAt: 'ASC' },
    });
  }

  /** The cases of a complaint and of its collective dispute, oldest first, to send with other reads (readTogether). */
  casesOfComplaintOrDisputeRead(
    complaintId: string,
    disputeId: string | null,
  ): RowsRead<ArbitrationCase, ArbitrationCase[]> {
    return disputeId
      ? entitiesRead(
          ArbitrationCase,
          'complaint_id = $1 OR collective_dispute_id = $2',
          [complaintId, disputeId],
          'created_at',
        )
      : entitiesRead(ArbitrationCase, 'complaint_id = $1', [complaintId], 'created_at');
  }

  /** Writes the changes and bumps the version (the row is locked by the caller). */
  async updateCase(
    em: EntityManager,
    id: string,
    changes: Partial<Omit<ArbitrationCase, 'id' | 'version' | 'createdAt' | 'updatedAt'>> & {
      status?: ArbitrationStatus;
    },
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .update(ArbitrationCase)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  claimsOf(em: EntityManager, caseId: string): Promise<ArbitrationClaim[]> {
    return em.find(ArbitrationClaim, { where: { caseId }, order: { seq: 'ASC' } });
  }

  async updateClaim(
    em: EntityManager,
    id: string,
    changes:
      | Pick<ArbitrationClaim, 'awardedFen' | 'awardReason' | 'final'>
      | Partial<Pick<ArbitrationClaim, 'description' | 'amountFen'>>,
  ): Promise<void> {
    await em.update(ArbitrationClaim, { id }, changes);
  }

  hearingsOf(em: EntityManager, caseId: string): Promise<ArbitrationHearing[]> {
    return em.find(ArbitrationHearing, { where: { caseId }, order: { startsAt: 'ASC' } });
  }

  /**
   * A hearing overlapping [startsAt, endsAt) in the same room (none given: any room) or with one of the arbitrators,
   * other than `except` (the hearing whose slot is checked, when it exists already).
   */
  async conflictingHearing(
    em: EntityManager,
    h: { room: string | null; startsAt: Date; endsAt: Date; arbitratorIds: string[]; except?: string },
  ): Promise<{ id: string; room: string } | null> {
    const rows = await em.query<{ id: string; room: string }[]>(
      `SELECT id, room FROM arbitration_hearings
        WHERE postponed_at IS NULL AND cancelled_at IS NULL AND starts_at < $3 AND ends_at > $2 AND (room = $1 OR arbitrator_ids && $4::uuid[])
          AND ($5::uuid IS NULL OR id <> $5::uuid)
        ORDER BY starts_at, id LIMIT 1`,
      [h.room, h.startsAt, h.endsAt, h.arbitratorIds, h.except ?? null],
    );
    return rows[0] ?? null;
  }

  hearingOfCase(em: EntityManager, caseId: string, hearingId: string): Promise<ArbitrationHearing | null> {
    return em.findOne(ArbitrationHearing, { where: { id: hearingId, caseId } });
  }

  async markPostponed(
    em: EntityManager,
    hearingId: string,
    reason: string,
    replacedBy: string | null,
  ): Promise<void> {
    await em.update(
      ArbitrationHearing,
      { id: hearingId },
      { postponedAt: new Date(), postponementReason: reason, replacedBy },
    );
  }

  async insertHearing(em: EntityManager, h: Partial<ArbitrationHearing>): Promise<void> {
    await em.insert(ArbitrationHearing, h);
  }

  async recordHearing(
    em: EntityManager,
    hearingId: string,
    record: Pick<ArbitrationHearing, 'heldAt' | 'attendance' | 'minutesSummary'>,
  ): Promise<void> {
    await em.update(ArbitrationHearing, { id: hearingId }, record);
  }

  /** Frees the slots of the case's hearings that neither took place nor were moved; returns how many. */
  async cancelOpenHearings(em: EntityManager, caseId: string): Promise<number> {
    const res = await em
      .createQueryBuilder()
      .update(ArbitrationHearing)
      .set({ cancelledAt: () => 'now()' })
      .where('case_id = :caseId AND held_at IS NULL AND postponed_at IS NULL AND cancelled_at IS NULL', {
        caseId,
      })
      .execute();
    return res.affected ?? 0;
  }

  /**
   * The per-commission, per-year case-number sequence, created on first use. Called outside any transaction: a
   * sequence hands out numbers without a lock held until commit (a rolled-back acceptance leaves a gap).
   */
  async ensureCaseNumberSequence(em: EntityManager, name: string): Promise<void> {
    try {
      await em.query(`CREATE SEQUENCE IF NOT EXISTS "${name}"`);
    } catch (e) {
      // Two first acceptances of the year at once: the other one created it.
      const code = (e as { driverError?: { code?: string } }).driverError?.code;
      if (code !== '23505' && code !== '42P07') throw e;
    }
  }

  async nextCaseNumber(em: EntityManager, name: string): Promise<number> {
    const [row] = await em.query<{ n: string }[]>(`SELECT nextval($1::regclass) AS n`, [`"${name}"`]);
    return Number(row.n);
  }

  /** The parties of a case (its view). */
  async partiesOf(em: EntityManager, id: string): Promise<CasePartiesRow> {
    const [row] = await em.query<{ parties: CasePartiesRow }[]>(
      prepared(`SELECT ${partiesOf('a')} AS parties FROM arbitration_cases a WHERE a.id = $1`),
      [id],
    );
    return row.parties;
  }

  /**
   * The work queue: cases in scope (a commission, or street prefixes), filtered, newest first (keyset); the columns
   * of their summaries only, and each case's parties, read in the page's own statement.
   */
  async list(
    em: EntityManager,
    scope: { commissionId: string } | { prefixes: readonly string[] },
    q: {
      status?: ArbitrationStatus;
      memberId?: string;
      ids?: readonly string[];
      cursor?: string;
      limit?: number;
    },
  ): Promise<{ page: Page<ArbitrationCaseSummary>; parties: Map<string, { parties: CasePartiesRow }> }> {
    const qb = em
      .createQueryBuilder(ArbitrationCase, 'a')
      .select(SUMMARY_COLUMNS.map((p) => `a.${p}`))
      .addSelect(partiesOf('a'), 'parties')
      .where('1 = 1');
    if ('commissionId' in scope) whereIdIs(qb, 'a.commission_id', scope.commissionId);
    else whereInJurisdictions(qb, 'a.jurisdiction_code', scope.prefixes);
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.memberId) qb.andWhere(':memberId = ANY(a.arbitrator_ids)', { memberId: q.memberId });
    if (q.ids) {
      if (q.ids.length === 0) qb.andWhere('false');
      else qb.andWhere('a.id IN (:...ids)', { ids: q.ids });
    }
    const { page, columns } = await keysetPageWithColumns<ArbitrationCase, { parties: CasePartiesRow }>(
      em,
      qb,
      'a',
      q.cursor,
      q.limit ?? 20,
      ['parties'],
    );
    return { page, parties: columns };
  }

  commission(em: EntityManager, organisationId: string): Promise<ArbitrationCommission | null> {
    return em.findOne(ArbitrationCommission, { where: { organisationId } });
  }

  async minimumWages(em: EntityManager, province: string): Promise<MinimumWageRow[]> {
    const rows = await em.find(MinimumWage, { where: { province } });
    return rows.map((r) => ({
      province: r.province,
      monthlyFen: r.monthlyFen,
      effectiveFrom: r.effectiveFrom,
    }));
  }

  async averageWages(em: EntityManager, province: string): Promise<AverageWageRow[]> {
    const rows = await em.find(AverageWage, { where: { province } });
    return rows.map((r) => ({
      province: r.province,
      referenceYear: r.referenceYear,
      annualFen: r.annualFen,
      effectiveFrom: r.effectiveFrom,
    }));
  }
}
