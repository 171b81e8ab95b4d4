import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { LOCKS, xactLock } from '../database/locks';
import { nextFromYearlySequence } from '../database/yearly-sequence';
import type { Page } from '../common/http/pagination';
import { keysetPage, whereInJurisdictions } from '../database/query-helpers';
import { OPEN_STATUSES, type InspectionSource, type InspectionStatus } from './inspection.constants';
import type { WageCrimeThreshold } from './wage-crime.rules';
import { InspectionCase, InspectionDocument, InspectionRecovery, WageCrimeThresholdRow } from './entities';
import { entitiesRead, readRows, type RowsRead } from '../database/entity-rows';
import { inspectionSequenceName } from './inspection-sequences';

/**
 * What a list item shows of a case (`InspectionService.list`, `InspectionCaseSummaryDto`), and the keyset's
 * `createdAt`: the list reads these 13 of the case's 37 columns (issue 17.3; bench/README.md, twenty-first pass).
 */
export const SUMMARY_COLUMNS = [
  'id',
  'caseNo',
  'source',
  'status',
  'jurisdictionCode',
  'employerId',
  'receivedOn',
  'acceptanceDueOn',
  'acceptedOn',
  'investigationDueOn',
  'closedOn',
  'closureType',
  'createdAt',
] as const satisfies readonly (keyof InspectionCase)[];

export type InspectionCaseSummary = Pick<InspectionCase, (typeof SUMMARY_COLUMNS)[number]>;

/** All SQL of the inspection module. */
@Injectable()
export class InspectionRepository {
  /** The assigned inspectors of each case (deadline reminders). */
  /** Each case's assigned inspectors and the brigade and street whose inspectors may act on it (deadline reminders). */
  inspectorsOf(
    em: EntityManager,
    caseIds: string[],
  ): Promise<Pick<InspectionCase, 'id' | 'assignedInspectorIds' | 'organisationId' | 'jurisdictionCode'>[]> {
    return em.find(InspectionCase, {
      where: { id: In(caseIds) },
      select: { id: true, assignedInspectorIds: true, organisationId: true, jurisdictionCode: true },
    });
  }

  /**
   * The next number of a per-year scope (case numbers `CASE`, document numbers `DOC:<kind>`), from the scope's
   * sequence for the year (`inspection_seq_case_2026`, `inspection_seq_doc_rectification_order_2026`): no row lock
   * held until the caller's commit, so openings and documents of the whole district do not wait for each other
   * (issue 17). A number taken by a transaction that rolls back is not reused: the numbers can have gaps
   * (docs/architecture.md). The first number of a year starts after what `inspection_counters` handed out before.
   */
  nextSeq(em: EntityManager, scope: string, year: number): Promise<number> {
    return nextFromYearlySequence(em, inspectionSequenceName(scope, year), async () => {
      const [row] = await em.query<{ last_value: number }[]>(
        'SELECT last_value FROM inspection_counters WHERE scope = $1 AND year = $2',
        [scope, year],
      );
      return row?.last_value ?? 0;
    });
  }

  async insertCase(em: EntityManager, c: Partial<InspectionCase>): Promise<void> {
    await em.insert(InspectionCase, c);
  }

  findCase(em: EntityManager, id: string): Promise<InspectionCase | null> {
    return em.findOne(InspectionCase, { where: { id } });
  }

  /** The streets of the employer's open cases (under investigation: 立案, not closed). */
  async openCaseStreetsOf(em: EntityManager, employerId: string): Promise<string[]> {
    const rows = await em.query<{ jurisdiction_code: string }[]>(
      `SELECT DISTINCT jurisdiction_code FROM inspection_cases WHERE employer_id = $1 AND status = ANY($2)`,
      [employerId, OPEN_STATUSES],
    );
    return rows.map((r) => r.jurisdiction_code);
  }

  /** The open cases the inspector is assigned to, locked (SELECT … FOR UPDATE) in id order (a staff change). */
  lockOpenCasesOfInspector(em: EntityManager, inspectorId: string): Promise<InspectionCase[]> {
    return em
      .createQueryBuilder(InspectionCase, 'i')
      .setLock('pessimistic_write')
      .where(':inspectorId = ANY(i.assigned_inspector_ids) AND i.status <> :closed', {
        inspectorId,
        closed: 'CLOSED',
      })
      .orderBy('i.id')
      .getMany();
  }

  /** Of the candidate inspectors (`InspectionColleagues.acceptable`: no declared conflict), the one with the fewest open cases. */
  async pickInspector(em: EntityManager, candidateIds: string[]): Promise<string | null> {
    if (candidateIds.length === 0) return null;
    const rows = await em.query<{ id: string }[]>(
      `SELECT c.id FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, ord)
        ORDER BY (SELECT count(*) FROM inspection_cases i
                   WHERE c.id = ANY(i.assigned_inspector_ids) AND i.status <> 'CLOSED'), c.ord
        LIMIT 1`,
      [candidateIds],
    );
    return rows[0]?.id ?? null;
  }

  /** Whether the inspector declared a conflict with the employer (回避, 监察条例 第十六条). */
  async hasConflict(em: EntityManager, inspectorId: string, employerId: string): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `SELECT 1 FROM inspector_conflicts WHERE inspector_id = $1 AND employer_id = $2`,
      [inspectorId, employerId],
    );
    return rows.length > 0;
  }

  /** The inspectors who declared a conflict with the employer (回避), in one read: the colleagues' filter. */
  async conflictedWith(em: EntityManager, employerId: string): Promise<Set<string>> {
    const rows = await em.query<{ inspector_id: string }[]>(
      `SELECT inspector_id FROM inspector_conflicts WHERE employer_id = $1`,
      [employerId],
    );
    return new Set(rows.map((r) => r.inspector_id));
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
    return readRows(em, this.casesOfComplaintRead(complaintId));
  }

  /** The same read, to send with others (readTogether). */
  casesOfComplaintRead(complaintId: string): RowsRead<InspectionCase, InspectionCase[]> {
    return entitiesRead(InspectionCase, 'complaint_id = $1', [complaintId], 'created_at, id');
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

  /**
   * A page (by id, after `afterId`) of the open cases whose investigation period spans `year`: opened (立案) by its
   * end, and due (or paused: no due) not before its start.
   */
  async openSpanningYear(
    em: EntityManager,
    year: number,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    const rows = await em.query<{ id: string }[]>(
      `SELECT id FROM inspection_cases
        WHERE status = ANY($1) AND accepted_on IS NOT NULL AND accepted_on <= make_date($2, 12, 31)
          AND (investigation_due_on IS NULL OR investigation_due_on >= make_date($2, 1, 1))
          AND ($3::uuid IS NULL OR id > $3::uuid)
        ORDER BY id LIMIT $4`,
      [OPEN_STATUSES, year, afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Cases in the caller's jurisdictions, newest first: the columns of their summaries only. */
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
  ): Promise<Page<InspectionCaseSummary>> {
    const qb = whereInJurisdictions(
      em
        .createQueryBuilder(InspectionCase, 'i')
        .select(SUMMARY_COLUMNS.map((p) => `i.${p}`))
        .where('1 = 1'),
      'i.jurisdiction_code',
      prefixes,
      'street codes',
    );
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.source) qb.andWhere('i.source = :source', { source: q.source });
    if (q.assigneeUserId)
      qb.andWhere(':assignee = ANY(i.assigned_inspector_ids)', { assignee: q.assigneeUserId });
    return keysetPage(em, qb, 'i', q.cursor, q.limit ?? 20);
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
