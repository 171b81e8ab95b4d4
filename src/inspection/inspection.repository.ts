import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { LOCKS, xactLock } from '../database/locks';
import type { Page } from '../common/http/pagination';
import { keysetPage, whereInJurisdictions } from '../database/query-helpers';
import { OPEN_STATUSES, type InspectionSource, type InspectionStatus } from './inspection.constants';
import type { WageCrimeThreshold } from './wage-crime.rules';
import { InspectionCase, InspectionDocument, InspectionRecovery, WageCrimeThresholdRow } from './entities';

/** All SQL of the inspection module. */
@Injectable()
export class InspectionRepository {
  /** The assigned inspectors of each case (deadline reminders). */
  async inspectorsOf(em: EntityManager, caseIds: string[]): Promise<Map<string, string[]>> {
    const rows = await em.find(InspectionCase, {
      where: { id: In(caseIds) },
      select: { id: true, assignedInspectorIds: true },
    });
    return new Map(rows.map((i) => [i.id, i.assignedInspectorIds]));
  }

  /** The next number of a per-year counter (case numbers, document numbers), in the caller's transaction. */
  async nextSeq(em: EntityManager, scope: string, year: number): Promise<number> {
    const [row] = await em.query<{ last_value: number }[]>(
      `INSERT INTO inspection_counters (scope, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (scope, year) DO UPDATE SET last_value = inspection_counters.last_value + 1
       RETURNING last_value`,
      [scope, year],
    );
    return row.last_value;
  }

  async insertCase(em: EntityManager, c: Partial<InspectionCase>): Promise<void> {
    await em.insert(InspectionCase, c);
  }

  findCase(em: EntityManager, id: string): Promise<InspectionCase | null> {
    return em.findOne(InspectionCase, { where: { id } });
  }

  lockCase(em: EntityManager, id: string): Promise<InspectionCase | null> {
    return em
      .createQueryBuilder(InspectionCase, 'i')
      .setLock('pessimistic_write')
      .where('i.id = :id', { id })
      .getOne();
  }

  /** Serialises case creation for one complaint until commit. */
  async lockComplaint(em: EntityManager, complaintId: string): Promise<void> {
    await xactLock(em, LOCKS.inspectionCase, complaintId);
  }

  /** A case of the complaint that is not refused (one complaint, one inspection case). */
  async liveCaseOfComplaint(em: EntityManager, complaintId: string): Promise<string | null> {
    const row = await em.findOne(InspectionCase, {
      where: { complaintId, status: In(['RECEIVED', ...OPEN_STATUSES, 'CLOSED']) },
      select: { id: true },
    });
    return row?.id ?? null;
  }

  /** The cases of a complaint or report, oldest first (the party's one-file view, the report channel). */
  casesOfComplaint(em: EntityManager, complaintId: string): Promise<InspectionCase[]> {
    return em.find(InspectionCase, { where: { complaintId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Writes the changes and bumps the version (the row is locked by the caller). */
  async updateCase(
    em: EntityManager,
    id: string,
    changes: Partial<Omit<InspectionCase, 'id' | 'version' | 'createdAt' | 'updatedAt'>> & {
      status?: InspectionStatus;
    },
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .update(InspectionCase)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Cases in the caller's jurisdictions, newest first. */
  list(
    em: EntityManager,
    prefixes: readonly string[],
    q: {
      limit?: number;
      cursor?: string;
      status?: InspectionStatus;
      source?: InspectionSource;
      assigneeUserId?: string;
    },
  ): Promise<Page<InspectionCase>> {
    const qb = whereInJurisdictions(
      em.createQueryBuilder(InspectionCase, 'i').where('1 = 1'),
      'i.jurisdiction_code',
      prefixes,
    );
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.source) qb.andWhere('i.source = :source', { source: q.source });
    if (q.assigneeUserId)
      qb.andWhere(':assignee = ANY(i.assigned_inspector_ids)', { assignee: q.assigneeUserId });
    return keysetPage(qb, 'i', q.cursor, q.limit ?? 20);
  }

  async insertDocument(em: EntityManager, d: Partial<InspectionDocument>): Promise<void> {
    await em.insert(InspectionDocument, { ...d, data: d.data as object });
  }

  documentsOf(em: EntityManager, caseId: string): Promise<InspectionDocument[]> {
    return em.find(InspectionDocument, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  documentOfCase(em: EntityManager, caseId: string, id: string): Promise<InspectionDocument | null> {
    return em.findOne(InspectionDocument, { where: { caseId, id } });
  }

  latestDocument(em: EntityManager, caseId: string, kind: string): Promise<InspectionDocument | null> {
    return em.findOne(InspectionDocument, {
      where: { caseId, kind: kind as InspectionDocument['kind'] },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  async insertRecovery(em: EntityManager, r: Partial<InspectionRecovery>): Promise<void> {
    await em.insert(InspectionRecovery, r);
  }

  recoveriesOf(em: EntityManager, caseId: string): Promise<InspectionRecovery[]> {
    return em.find(InspectionRecovery, { where: { caseId }, order: { paidOn: 'ASC', createdAt: 'ASC' } });
  }

  async thresholds(em: EntityManager, provinceCode?: string): Promise<WageCrimeThreshold[]> {
    const rows = await em.find(WageCrimeThresholdRow, {
      where: provinceCode ? { provinceCode } : {},
      order: { provinceCode: 'ASC', effectiveFrom: 'ASC' },
    });
    return rows.map((r) => ({
      provinceCode: r.provinceCode,
      effectiveFrom: r.effectiveFrom,
      singleWorkerFen: r.singleWorkerFen,
      singleWorkerMinMonths: r.singleWorkerMinMonths,
      multiWorkers: r.multiWorkers,
      multiWorkersTotalFen: r.multiWorkersTotalFen,
      basis: r.basis,
      verified: r.verified,
    }));
  }

  /** Serialises additions to one province's thresholds until commit. */
  async lockThresholds(em: EntityManager, provinceCode: string): Promise<void> {
    await xactLock(em, LOCKS.wageCrimeThresholds, provinceCode);
  }

  async insertThreshold(em: EntityManager, r: Partial<WageCrimeThresholdRow>): Promise<void> {
    await em.insert(WageCrimeThresholdRow, r);
  }
}
