import { InspectionService } from '../inspection.service';
import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { coversJurisdiction, type Principal } from '../../auth/roles';
import { UsersService } from '../../auth/users.service';
import { todayInShanghai } from '../../calendar/local-date';
import { AppException, fieldError } from '../../common/errors/app-exception';
import { MAX_PAGE_SIZE } from '../../common/http/pagination';
import { newId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { EmployerRegisterService } from '../../reference/employer-register.service';
import { EmployersService } from '../../reference/employers.service';
import {
  DRAW_ALGORITHM,
  drawPlan,
  DrawError,
  INSPECTORS_PER_EMPLOYER,
  inspectorPoolHash,
  MAX_SEED,
  registerSnapshotHash,
  sortCandidates,
  sortInspectors,
  weightFor,
  type DrawResult,
  type RiskLevel,
} from './draw';
import type {
  CreatePlanDto,
  PlanListQuery,
  PlanPageDto,
  PlanSummaryDto,
  PlanVerificationDto,
  PlanViewDto,
  PublicPlanDto,
  RecordResultDto,
} from './dto/plans.dto';
import { EMPLOYER_RISK_LEVELS, type EmployerRiskLevels } from './employer-risk-levels';
import type { InspectionPlan, PlanFilters } from './entities/inspection-plan.entity';
import { PlansRepository, type ItemRow } from './plans.repository';
import { nextPlanStatus } from './plans.state';

const notFound = () => AppException.notFound('INSPECTION_PLAN_NOT_FOUND', 'No such inspection plan');

function summary(p: InspectionPlan): PlanSummaryDto {
  return {
    id: p.id,
    title: p.title,
    status: p.status,
    filters: p.filters,
    weights: p.weights,
    requestedCount: p.requestedCount,
    matchedCount: p.matchedCount,
    drawableCount: p.drawableCount,
    seed: p.seed,
    algorithm: p.algorithm,
    registerHash: p.registerHash,
    inspectorPoolHash: p.inspectorPoolHash,
    inspectorsPerEmployer: INSPECTORS_PER_EMPLOYER,
    createdAt: p.createdAt.toISOString(),
    publishedAt: p.publishedAt?.toISOString() ?? null,
  };
}

/**
 * 双随机一公开 plans: draw employers from the register and two inspectors for each (a pure, seeded draw over a
 * snapshot stored with the plan), publish the plan, record the result of each check.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: PlansRepository,
    private readonly register: EmployerRegisterService,
    private readonly users: UsersService,
    @Inject(EMPLOYER_RISK_LEVELS) private readonly riskLevels: EmployerRiskLevels,
    private readonly inspection: InspectionService,
    private readonly employers: EmployersService,
  ) {}

  async create(user: Principal, dto: CreatePlanDto): Promise<PlanViewDto> {
    const filters: PlanFilters = {
      streets: dto.filters?.streets ?? [],
      industries: dto.filters?.industries ?? [],
      sizes: dto.filters?.sizes ?? [],
    };
    await this.register.assertStreets(this.tx.manager, filters.streets, (i) => `filters.streets.${i}`);
    const outside = filters.streets.flatMap((s, i) =>
      coversJurisdiction(user, s)
        ? []
        : [
            fieldError(
              `filters.streets.${i}`,
              'jurisdiction',
              `${s} 不在您的管辖范围内`,
              `${s} is outside your jurisdiction`,
            ),
          ],
    );
    if (outside.length) throw AppException.validation(outside);
    const weights = dto.weights && Object.keys(dto.weights).length ? { ...dto.weights } : null;
    const seed = dto.seed ?? randomInt(0, MAX_SEED + 1);

    const id = await this.tx.run(async (em) => {
      const matched = await this.register.matching(em, filters, user.jurisdictions);
      const levels = weights
        ? await this.riskLevels.levelsOf(
            em,
            matched.map((m) => m.id),
          )
        : new Map<string, RiskLevel>();
      const candidates = sortCandidates(
        matched.map((m) => ({
          employerId: m.id,
          streetCode: m.streetCode,
          weight: weightFor(levels.get(m.id) ?? null, weights),
        })),
      );
      const streets = [...new Set(candidates.map((c) => c.streetCode))];
      const inspectors = sortInspectors(
        (await this.users.activeOfRole(em, 'INSPECTOR')).filter((i) =>
          streets.some((s) => coversJurisdiction(i, s)),
        ),
      );
      const conflicts = await this.repo.conflictsAmong(
        em,
        inspectors.map((i) => i.id),
        candidates.map((c) => c.employerId),
      );
      let drawn: DrawResult;
      try {
        drawn = drawPlan({ seed, count: dto.count, candidates, inspectors, conflicts });
      } catch (e) {
        if (e instanceof DrawError && e.reason === 'TOO_FEW_CANDIDATES')
          throw AppException.badRequest(
            'PLAN_EXCEEDS_MATCHES',
            `Only ${e.details.drawable as number} matching employers may be drawn (${e.details.matched as number} match the filters)`,
            e.details,
          );
        throw e;
      }
      const planId = newId();
      await this.repo.insertPlan(
        em,
        {
          id: planId,
          title: dto.title,
          status: 'DRAFTED',
          scopeCodes: user.jurisdictions,
          filters,
          weights,
          requestedCount: dto.count,
          matchedCount: drawn.matched,
          drawableCount: drawn.drawable,
          seed,
          algorithm: DRAW_ALGORITHM,
          registerHash: registerSnapshotHash(candidates),
          inspectorPoolHash: inspectorPoolHash(inspectors, conflicts),
          candidates,
          inspectorPool: { inspectors, conflicts },
          createdBy: user.userId,
          publishedAt: null,
          publishedBy: null,
        },
        drawn.items.map((it) => ({
          id: newId(),
          planId,
          position: it.position,
          employerId: it.employerId,
          streetCode: it.streetCode,
          inspectorIds: it.inspectorIds,
          result: null,
          resultOn: null,
          resultNote: null,
          caseId: null,
        })),
      );
      return planId;
    });
    return this.get(user, id);
  }

  private async visiblePlan(em: EntityManager, user: Principal, id: string): Promise<InspectionPlan> {
    const plan = await this.repo.findPlan(em, id);
    if (!plan || !(await this.repo.visibleTo(em, id, user.userId, user.jurisdictions))) throw notFound();
    return plan;
  }

  async get(user: Principal, id: string): Promise<PlanViewDto> {
    const em = this.tx.manager;
    const plan = await this.visiblePlan(em, user, id);
    return { ...summary(plan), createdBy: plan.createdBy, items: await this.items(em, id) };
  }

  /** The plan's items with each employer's name and USCC from the register (an unknown employer left out). */
  private async items(em: EntityManager, planId: string): Promise<ItemRow[]> {
    const rows = await this.repo.items(em, planId);
    const ids = rows.map((r) => r.employerId);
    const employers = await this.employers.byIds(em, ids);
    return rows.flatMap((r) => {
      const e = employers.get(r.employerId);
      return e ? [{ ...r, employerName: e.name, uscc: e.uscc }] : [];
    });
  }

  async list(user: Principal, q: PlanListQuery): Promise<PlanPageDto> {
    const page = await this.repo.pageVisible(
      this.tx.manager,
      user.userId,
      user.jurisdictions,
      q.status,
      q.cursor,
      Math.min(q.limit ?? 20, MAX_PAGE_SIZE),
    );
    return { items: page.items.map(summary), nextCursor: page.nextCursor };
  }

  /** 公开: the plan becomes visible on the public endpoints. */
  async publish(user: Principal, id: string): Promise<PlanViewDto> {
    await this.tx.run(async (em) => {
      const plan = await this.visiblePlan(em, user, id);
      nextPlanStatus(plan.status, 'PUBLISH');
      if (!(await this.repo.publish(em, id, user.userId))) nextPlanStatus('PUBLISHED', 'PUBLISH');
    });
    return this.get(user, id);
  }

  /** The result of one check: by one of its two inspectors, or a supervisor of its street; once. */
  async recordResult(
    user: Principal,
    planId: string,
    itemId: string,
    dto: RecordResultDto,
  ): Promise<PlanViewDto> {
    await this.tx.run(async (em) => {
      const plan = await this.visiblePlan(em, user, planId);
      const item = await this.repo.findItem(em, planId, itemId);
      if (!item) throw AppException.notFound('PLAN_ITEM_NOT_FOUND', 'No such item in this plan');
      const mayRecord =
        user.role === 'INSPECTOR'
          ? item.inspectorIds.includes(user.userId)
          : coversJurisdiction(user, item.streetCode);
      if (!mayRecord)
        throw AppException.forbidden('NOT_ASSIGNED', 'Only the assigned inspectors record this result');
      nextPlanStatus(plan.status, 'RECORD_RESULT');
      if (dto.resultOn > todayInShanghai())
        throw AppException.validation([
          fieldError('resultOn', 'notInFuture', 'resultOn 不能晚于今天', 'resultOn cannot be in the future'),
        ]);
      if (!(await this.repo.recordResult(em, itemId, { ...dto, note: dto.note || null })))
        throw AppException.conflict(
          'RESULT_ALREADY_RECORDED',
          'The result of this check is already recorded',
        );
      // A violation found by a random check is investigated: a planned inspection case opens under investigation
      // (立案) the day the result is recorded, with the two drawn inspectors (劳动保障监察条例 第十四、十六条).
      if (dto.result === 'VIOLATION_FOUND') {
        const caseId = await this.inspection.openPlanned(
          em,
          {
            planId,
            employerId: item.employerId,
            jurisdictionCode: item.streetCode,
            inspectorIds: item.inspectorIds,
            on: dto.resultOn,
          },
          user,
        );
        await this.repo.linkCase(em, itemId, caseId);
      }
    });
    return this.get(user, planId);
  }

  private async publishedPlan(em: EntityManager, id: string, withSnapshot = false): Promise<InspectionPlan> {
    const plan = await this.repo.findPlan(em, id, withSnapshot);
    if (!plan || plan.status !== 'PUBLISHED') throw notFound();
    return plan;
  }

  async publicList(cursor: string | undefined, limit: number | undefined): Promise<PlanPageDto> {
    const page = await this.repo.pagePublished(this.tx.manager, cursor, Math.min(limit ?? 20, MAX_PAGE_SIZE));
    return { items: page.items.map(summary), nextCursor: page.nextCursor };
  }

  /** The published plan: employers (name, USCC, street), the number of inspectors per check, results. */
  async publicGet(id: string): Promise<PublicPlanDto> {
    const em = this.tx.manager;
    const plan = await this.publishedPlan(em, id);
    const items = (await this.items(em, id)).map((i: ItemRow) => ({
      id: i.id,
      position: i.position,
      employerName: i.employerName,
      uscc: i.uscc,
      streetCode: i.streetCode,
      inspectorCount: i.inspectorIds.length,
      result: i.result,
      resultOn: i.resultOn,
      resultNote: i.resultNote,
    }));
    return { ...summary(plan), items };
  }

  /** Re-runs the draw over the stored snapshot and compares it with the stored hashes and the published items. */
  async verify(id: string): Promise<PlanVerificationDto> {
    const em = this.tx.manager;
    const plan = await this.publishedPlan(em, id, true);
    const stored = await this.items(em, id);
    const { inspectors, conflicts } = plan.inspectorPool;
    let rerun: DrawResult | null = null;
    try {
      rerun = drawPlan({
        seed: plan.seed,
        count: plan.requestedCount,
        candidates: plan.candidates,
        inspectors,
        conflicts,
      });
    } catch (e) {
      if (!(e instanceof DrawError)) throw e;
    }
    const same = (pick: (x: { employerId: string; position: number; inspectorIds: string[] }) => unknown) =>
      rerun !== null &&
      rerun.items.length === stored.length &&
      rerun.items.every((it, k) => JSON.stringify(pick(it)) === JSON.stringify(pick(stored[k])));
    return {
      planId: plan.id,
      seed: plan.seed,
      algorithm: plan.algorithm,
      registerHashMatches: registerSnapshotHash(plan.candidates) === plan.registerHash,
      inspectorPoolHashMatches: inspectorPoolHash(inspectors, conflicts) === plan.inspectorPoolHash,
      employersReproduced: same((x) => [x.position, x.employerId]),
      inspectorsReproduced: same((x) => [x.employerId, x.inspectorIds]),
    };
  }
}
