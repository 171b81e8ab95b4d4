import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { addDays, todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { LOCKS, xactLock } from '../database/locks';
import { TransactionRunner } from '../database/transaction';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import type {
  ClosureNoticeViewDto,
  ClosurePageDto,
  ClosureQueryDto,
  CreateClosureNoticeDto,
  CreateLayoffFilingDto,
  EmployerSummaryDto,
  FilingQueryDto,
  LayoffFilingViewDto,
  LayoffPageDto,
} from './dto/filings.dto';
import { ClosureNotice, LayoffFiling } from './entities';
import { FilingScope } from './filing-scope';
import { closurePlanErrors } from './filings.rules';
import { FilingsRepository } from './filings.repository';
import { assessArt41, LAYOFF_RULES, layoffPlanErrors } from './layoff.rules';

const layoffNotFound = () => AppException.notFound('LAYOFF_FILING_NOT_FOUND', 'No such layoff filing');
const closureNotFound = () => AppException.notFound('CLOSURE_NOTICE_NOT_FOUND', 'No such closure notice');

/** What the risk scorer reads about an employer's layoffs and closures (ids and counts, no personal data). */
export interface EmployerFilingFacts {
  asOf: string;
  windowDays: number;
  layoffFilings: number;
  art41Layoffs: number;
  headcountCut: number;
  /** Largest share of staff cut by one filing (0..1), null without filings. */
  maxCutShare: number | null;
  closureNotices: number;
  closureWorkersAffected: number;
  latestClosureEffectiveOn: string | null;
}

/**
 * 裁员备案 and 关停并转迁 notices, filed by labor staff on an employer's behalf (employers have no accounts).
 * Both are read by the risk scorer through `employerFacts` / `employersFiledSince`.
 */
@Injectable()
export class FilingsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: FilingsRepository,
    private readonly scope: FilingScope,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Records a layoff plan after checking it against 劳动合同法 第四十一条 (400 with field errors otherwise), taken
   * together with the employer's filings whose layoff dates are within 90 days of its own (assessArt41: a layoff split
   * into filings under the thresholds is judged by its total). The earlier filings are left as filed; this one
   * records which of them were counted (art41Combined), and the risk features apply the same rule to all of them.
   */
  async fileLayoff(filer: Principal, dto: CreateLayoffFilingDto): Promise<LayoffFilingViewDto> {
    const today = todayInShanghai();
    const plan = {
      headcountCut: dto.headcountCut,
      totalHeadcount: dto.totalHeadcount,
      layoffOn: dto.layoffOn,
      unionOrStaffNotifiedOn: dto.unionOrStaffNotifiedOn ?? null,
      grounds: dto.grounds ?? [],
      consultationRecord: dto.consultationRecord || null,
    };
    // The plan alone first (no reads); the employer's other cuts can only add to what it demands.
    const errors = layoffPlanErrors(plan, today);
    if (errors.length) throw AppException.validation(errors);
    const id = await this.tx.run(async (em) => {
      const employer = await this.scope.forNewFiling(em, filer, dto.streetCode, dto.employer);
      await xactLock(em, LOCKS.layoffEmployer, employer.id);
      const recorded = await this.repo.layoffsNear(
        em,
        employer.id,
        plan.layoffOn,
        LAYOFF_RULES.AGGREGATION_WINDOW_DAYS,
      );
      const art41 = assessArt41(plan, recorded);
      const combinedErrors = layoffPlanErrors(plan, today, art41);
      if (combinedErrors.length) throw AppException.validation(combinedErrors);
      const counted = art41.countedFilingIds.length > 0;
      const row: LayoffFiling = {
        id: newId(),
        employerId: employer.id,
        jurisdictionCode: dto.streetCode,
        filedOn: today,
        ...plan,
        grounds: [...plan.grounds],
        art41Applies: art41.applies,
        art41CountedFilingIds: art41.countedFilingIds,
        art41HeadcountCut: counted ? art41.headcountCut : null,
        art41TotalHeadcount: counted ? art41.totalHeadcount : null,
        reasons: dto.reasons,
        status: 'FILED',
        filedByUserId: filer.userId,
        createdAt: new Date(),
      };
      await this.repo.insert(em, LayoffFiling, row);
      // Early warning: rescore the employer (deduplicated per employer by the job catalogue).
      await this.outbox.enqueue(em, JobName.RiskRescoreEmployer, { employerId: employer.id });
      return row.id;
    });
    return this.getLayoff(filer, id);
  }

  async getLayoff(viewer: Principal, id: string): Promise<LayoffFilingViewDto> {
    const em = this.tx.manager;
    const row = this.scope.visible(viewer, await this.repo.findById(em, LayoffFiling, id), layoffNotFound);
    return (await this.scope.withEmployers(em, [row], layoffView))[0];
  }

  async listLayoffs(viewer: Principal, q: FilingQueryDto): Promise<LayoffPageDto> {
    const em = this.tx.manager;
    const page = await this.repo.list(em, LayoffFiling, this.scope.prefixes(viewer), q, q);
    return { items: await this.scope.withEmployers(em, page.items, layoffView), nextCursor: page.nextCursor };
  }

  /** Records a 关停并转迁 notice (400 with field errors when its dates or plan do not hold). */
  async fileClosure(filer: Principal, dto: CreateClosureNoticeDto): Promise<ClosureNoticeViewDto> {
    const today = todayInShanghai();
    const errors = closurePlanErrors(
      {
        notifiedOn: dto.notifiedOn,
        effectiveOn: dto.effectiveOn,
        workersAffected: dto.workersAffected,
        resettlementPlan: dto.resettlementPlan ?? null,
      },
      today,
    );
    if (errors.length) throw AppException.validation(errors);
    const id = await this.tx.run(async (em) => {
      const employer = await this.scope.forNewFiling(em, filer, dto.streetCode, dto.employer);
      const row: ClosureNotice = {
        id: newId(),
        employerId: employer.id,
        jurisdictionCode: dto.streetCode,
        kind: dto.kind,
        notifiedOn: dto.notifiedOn,
        effectiveOn: dto.effectiveOn,
        workersAffected: dto.workersAffected,
        resettlementPlan: dto.resettlementPlan || null,
        details: dto.details || null,
        filedByUserId: filer.userId,
        createdAt: new Date(),
      };
      await this.repo.insert(em, ClosureNotice, row);
      // Early warning: rescore the employer (deduplicated per employer by the job catalogue).
      await this.outbox.enqueue(em, JobName.RiskRescoreEmployer, { employerId: employer.id });
      return row.id;
    });
    return this.getClosure(filer, id);
  }

  async getClosure(viewer: Principal, id: string): Promise<ClosureNoticeViewDto> {
    const em = this.tx.manager;
    const row = this.scope.visible(viewer, await this.repo.findById(em, ClosureNotice, id), closureNotFound);
    return (await this.scope.withEmployers(em, [row], closureView))[0];
  }

  async listClosures(viewer: Principal, q: ClosureQueryDto): Promise<ClosurePageDto> {
    const em = this.tx.manager;
    const page = await this.repo.list(
      em,
      ClosureNotice,
      this.scope.prefixes(viewer),
      { ...q, equals: q.kind ? { kind: q.kind } : undefined },
      q,
    );
    return {
      items: await this.scope.withEmployers(em, page.items, closureView),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * For the risk scorer: an employer's layoff filings and closure notices of the `windowDays` days up to `asOf`
   * (filed_on / notified_on in the window). Joins the caller's transaction.
   */
  async employerFacts(
    em: EntityManager,
    employerId: string,
    asOf: string = todayInShanghai(),
    windowDays = 90,
  ): Promise<EmployerFilingFacts> {
    const facts = await this.repo.employerFacts(em, employerId, addDays(asOf, -windowDays));
    return { asOf, windowDays, ...facts };
  }

  /** For the risk scorer's scan: employers with a layoff filing or closure notice recorded since `since`. */
  employersFiledSince(em: EntityManager, since: Date): Promise<string[]> {
    return this.repo.employersFiledSince(em, since);
  }
}

function layoffView(r: LayoffFiling, employer: EmployerSummaryDto): LayoffFilingViewDto {
  return {
    id: r.id,
    employer,
    streetCode: r.jurisdictionCode,
    createdAt: r.createdAt.toISOString(),
    filedOn: r.filedOn,
    layoffOn: r.layoffOn,
    headcountCut: r.headcountCut,
    totalHeadcount: r.totalHeadcount,
    art41Applies: r.art41Applies,
    art41Combined:
      r.art41CountedFilingIds.length && r.art41HeadcountCut !== null && r.art41TotalHeadcount !== null
        ? {
            headcountCut: r.art41HeadcountCut,
            totalHeadcount: r.art41TotalHeadcount,
            countedFilingIds: r.art41CountedFilingIds,
            windowDays: LAYOFF_RULES.AGGREGATION_WINDOW_DAYS,
          }
        : null,
    unionOrStaffNotifiedOn: r.unionOrStaffNotifiedOn,
    grounds: r.grounds,
    reasons: r.reasons,
    consultationRecord: r.consultationRecord,
    status: r.status,
  };
}

function closureView(r: ClosureNotice, employer: EmployerSummaryDto): ClosureNoticeViewDto {
  return {
    id: r.id,
    employer,
    streetCode: r.jurisdictionCode,
    createdAt: r.createdAt.toISOString(),
    kind: r.kind,
    notifiedOn: r.notifiedOn,
    effectiveOn: r.effectiveOn,
    workersAffected: r.workersAffected,
    resettlementPlan: r.resettlementPlan,
    details: r.details,
  };
}
