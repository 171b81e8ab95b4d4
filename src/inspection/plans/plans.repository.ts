import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In } from 'typeorm';
import type { Page } from '../../common/http/pagination';
import { keysetPage } from '../../database/query-helpers';
import type { DrawConflict } from './draw';
import { InspectionPlan, InspectionPlanItem, InspectorConflict } from './entities';
import type { ItemResult, PlanStatus } from './plans.state';

export interface ItemRow {
  id: string;
  position: number;
  employerId: string;
  /** the register's (EmployersService), added by the service */
  employerName: string;
  uscc: string | null;
  streetCode: string;
  inspectorIds: string[];
  result: ItemResult | null;
  resultOn: string | null;
  resultNote: string | null;
  caseId: string | null;
}

const validScopes = (scopes: readonly string[]) =>
  scopes.filter((s) => /^\d{2,12}$/.test(s)).map((s) => `${s}%`);

/** All SQL of 双随机 plans and inspector conflicts. */
@Injectable()
export class PlansRepository {
  async insertPlan(
    em: EntityManager,
    plan: Omit<InspectionPlan, 'createdAt'>,
    items: Omit<InspectionPlanItem, 'createdAt'>[],
  ): Promise<void> {
    await em.insert(InspectionPlan, plan);
    if (items.length) await em.insert(InspectionPlanItem, items);
  }

  findPlan(em: EntityManager, id: string, withSnapshot = false): Promise<InspectionPlan | null> {
    const qb = em.createQueryBuilder(InspectionPlan, 'p').where('p.id = :id', { id });
    if (withSnapshot) qb.addSelect(['p.candidates', 'p.inspectorPool']);
    return qb.getOne();
  }

  /** The plan's items in draw order, without the employers' names (the register's, EmployersService). */
  items(em: EntityManager, planId: string): Promise<Omit<ItemRow, 'employerName' | 'uscc'>[]> {
    return em.query(
      `SELECT i.id, i.position, i.employer_id AS "employerId",
              i.street_code AS "streetCode", i.inspector_ids::text[] AS "inspectorIds", i.result,
              to_char(i.result_on, 'YYYY-MM-DD') AS "resultOn", i.result_note AS "resultNote", i.case_id AS "caseId"
         FROM inspection_plan_items i
        WHERE i.plan_id = $1 ORDER BY i.position`,
      [planId],
    );
  }

  /** The plan was drawn by the user, or has an employer in one of the user's jurisdictions. */
  async visibleTo(
    em: EntityManager,
    planId: string,
    userId: string,
    scopes: readonly string[],
  ): Promise<boolean> {
    const [row] = await em.query<{ ok: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM inspection_plans p WHERE p.id = $1 AND (p.created_by = $2 OR EXISTS (
                SELECT 1 FROM inspection_plan_items i WHERE i.plan_id = p.id AND i.street_code LIKE ANY($3::text[])))
             ) AS ok`,
      [planId, userId, validScopes(scopes)],
    );
    return row.ok;
  }

  pageVisible(
    em: EntityManager,
    userId: string,
    scopes: readonly string[],
    status: PlanStatus | undefined,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<InspectionPlan>> {
    const qb = em
      .createQueryBuilder(InspectionPlan, 'p')
      .where(
        new Brackets((b) =>
          b
            .where('p.created_by = :uid', { uid: userId })
            .orWhere(
              `EXISTS (SELECT 1 FROM inspection_plan_items i WHERE i.plan_id = p.id AND i.street_code LIKE ANY(:scopes))`,
              { scopes: validScopes(scopes) },
            ),
        ),
      );
    if (status) qb.andWhere('p.status = :status', { status });
    return keysetPage(em, qb, 'p', cursor, limit);
  }

  pagePublished(em: EntityManager, cursor: string | undefined, limit: number): Promise<Page<InspectionPlan>> {
    const qb = em.createQueryBuilder(InspectionPlan, 'p').where(`p.status = 'PUBLISHED'`);
    return keysetPage(em, qb, 'p', cursor, limit);
  }

  /** DRAFTED → PUBLISHED; false when the plan was not a draft any more. */
  async publish(em: EntityManager, id: string, userId: string): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(InspectionPlan)
      .set({ status: 'PUBLISHED', publishedAt: () => 'now()', publishedBy: userId })
      .where(`id = :id AND status = 'DRAFTED'`, { id })
      .execute();
    return r.affected === 1;
  }

  findItem(em: EntityManager, planId: string, itemId: string): Promise<InspectionPlanItem | null> {
    return em.findOne(InspectionPlanItem, { where: { id: itemId, planId } });
  }

  /** Records the result of a check once; false when one was already recorded. */
  async recordResult(
    em: EntityManager,
    itemId: string,
    r: { result: ItemResult; resultOn: string; note: string | null },
  ): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(InspectionPlanItem)
      .set({ result: r.result, resultOn: r.resultOn, resultNote: r.note })
      .where('id = :id AND result IS NULL', { id: itemId })
      .execute();
    return res.affected === 1;
  }

  /** The inspection case opened from this item's finding. */
  async linkCase(em: EntityManager, itemId: string, caseId: string): Promise<void> {
    await em.update(InspectionPlanItem, { id: itemId }, { caseId });
  }

  async conflictsAmong(
    em: EntityManager,
    inspectorIds: readonly string[],
    employerIds: readonly string[],
  ): Promise<DrawConflict[]> {
    if (!inspectorIds.length || !employerIds.length) return [];
    return (
      await em.find(InspectorConflict, {
        where: { inspectorId: In([...inspectorIds]), employerId: In([...employerIds]) },
        order: { inspectorId: 'ASC', employerId: 'ASC' },
      })
    ).map((c) => ({ inspectorId: c.inspectorId, employerId: c.employerId }));
  }

  /** Inserts the conflict unless the pair is declared already; returns whether it was inserted. */
  async insertConflict(em: EntityManager, c: Omit<InspectorConflict, 'createdAt'>): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `INSERT INTO inspector_conflicts (id, inspector_id, employer_id, reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (inspector_id, employer_id) DO NOTHING RETURNING id`,
      [c.id, c.inspectorId, c.employerId, c.reason, c.recordedBy],
    );
    return rows.length === 1;
  }

  findConflict(em: EntityManager, id: string): Promise<InspectorConflict | null> {
    return em.findOne(InspectorConflict, { where: { id } });
  }
}
