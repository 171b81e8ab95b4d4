import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, xactLock } from '../database/locks';
import { AuditService } from '../audit/audit.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { compareDates, isValidIsoDate, todayInShanghai, yearOf } from '../calendar/local-date';
import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { isUniqueViolation, TransactionRunner } from '../database/transaction';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { EmployersService } from '../reference/employers.service';
import { inForce } from './blacklist.rules';
import { BlacklistPersonsService } from './blacklist-persons.service';
import {
  EMPLOYER_CASE,
  VIOLATION_KINDS,
  type ViolationKind,
  type ViolationSource,
} from './compliance.constants';
import { ComplianceRepository } from './compliance.repository';
import { GradeRefresh } from './grade-refresh';
import type { BlacklistPersonViewDto } from './dto/blacklist-persons.dto';
import type {
  BlacklistEntryViewDto,
  EmployerComplianceDto,
  GradeRunViewDto,
  RecordViolationDto,
  ViolationViewDto,
} from './dto/compliance.dto';
import type { BlacklistEntry } from './entities/blacklist-entry.entity';
import type { EmployerViolation } from './entities/employer-violation.entity';
import { gradeFor } from './grading.rules';

/** What the inspection module (or a staff member) records when a violation is found. */
export interface RecordViolationInput {
  employerId: string;
  jurisdictionCode: string;
  sourceType: ViolationSource;
  /** The inspection case id (source INSPECTION): a second call with the same source returns the first row. */
  sourceId?: string | null;
  foundOn: string;
  kinds: ViolationKind[];
  arrearsFen?: number;
  workersAffected?: number;
  orderRefused?: boolean;
  massIncident?: boolean;
  criminalTransfer?: boolean;
  meetsCrimeThreshold?: boolean;
  /** The arrears concern 农民工 (人社部令第45号 第五条). */
  migrantWorkers?: boolean;
  major?: boolean;
  /** Main facts (no personal data): published when `major`. */
  facts?: string;
  handling?: string;
}

export type Actor = Pick<Principal, 'userId' | 'role'> | null;

/** Employers graded per statement batch of the yearly job. */
const GRADE_BATCH = 5000;

export const employerNotFound = () => AppException.notFound('EMPLOYER_NOT_FOUND', 'No such employer');

/**
 * Employer compliance: the violation history, the yearly 守法诚信等级 (grading.rules.ts), and the employer's
 * compliance record (history, grades, blacklist). Listing and publication live in BlacklistService and
 * PublicationService.
 */
@Injectable()
export class ComplianceService {
  private readonly logger = new Logger(ComplianceService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ComplianceRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly employers: EmployersService,
    private readonly grades: GradeRefresh,
    private readonly persons: BlacklistPersonsService,
  ) {}

  /** The violation an inspection case's closing entered (`major` as recorded), or null when it entered none. */
  async inspectionFinding(em: EntityManager, caseId: string): Promise<{ major: boolean } | null> {
    const v = await this.repo.violationBySource(em, 'INSPECTION', caseId);
    return v ? { major: v.major } : null;
  }

  /**
   * Records a violation finding in the caller's transaction (the inspection module calls this when a case closes
   * with a violation found). Idempotent per (sourceType, sourceId). Returns the violation id.
   */
  async recordViolation(
    em: EntityManager,
    input: RecordViolationInput,
    actor: Actor,
  ): Promise<{ id: string; created: boolean }> {
    const errors = violationInputErrors(input);
    if (errors.length) throw AppException.validation(errors);
    if (input.sourceId) {
      const existing = await this.repo.violationBySource(em, input.sourceType, input.sourceId);
      if (existing) return { id: existing.id, created: false };
    }
    if (!(await this.employers.byId(em, input.employerId))) throw employerNotFound();
    const id = newId();
    try {
      await this.repo.insertViolation(em, {
        id,
        employerId: input.employerId,
        jurisdictionCode: input.jurisdictionCode,
        sourceType: input.sourceType,
        sourceId: input.sourceId ?? null,
        foundOn: input.foundOn,
        kinds: [...new Set(input.kinds)],
        arrearsFen: input.arrearsFen ?? 0,
        workersAffected: input.workersAffected ?? 0,
        orderRefused: input.orderRefused ?? false,
        massIncident: input.massIncident ?? false,
        criminalTransfer: input.criminalTransfer ?? false,
        meetsCrimeThreshold: input.meetsCrimeThreshold ?? false,
        migrantWorkers: input.migrantWorkers ?? false,
        criminalLiabilityOn: null,
        criminalLiabilityRef: null,
        major: input.major ?? false,
        facts: input.facts ?? '',
        handling: input.handling ?? '',
        recordedBy: actor?.userId ?? null,
      });
    } catch (err) {
      if (input.sourceId && isUniqueViolation(err, 'uq_employer_violations_source')) {
        const existing = await this.repo.violationBySource(em, input.sourceType, input.sourceId);
        if (existing) return { id: existing.id, created: false };
      }
      throw err;
    }
    await this.audit.append(em, {
      caseType: EMPLOYER_CASE,
      caseId: input.employerId,
      action: 'VIOLATION_RECORDED',
      actor,
      data: {
        violationId: id,
        sourceType: input.sourceType,
        sourceId: input.sourceId ?? null,
        foundOn: input.foundOn,
        kinds: input.kinds,
      },
    });
    // Early warning: past violations are features; rescore the employer after commit (deduplicated per employer).
    await this.outbox.enqueue(em, JobName.RiskRescoreEmployer, { employerId: input.employerId });
    // A finding of a year already over or graded (recorded late) regrades that year.
    await this.grades.findingChanged(em, input);
    return { id, created: true };
  }

  /** Staff record a violation found outside the platform (source MANUAL) in their own jurisdiction. */
  async recordManual(
    viewer: Principal,
    employerId: string,
    dto: RecordViolationDto,
  ): Promise<ViolationViewDto> {
    if (!coversJurisdiction(viewer, dto.jurisdictionCode))
      throw AppException.forbidden('OUTSIDE_JURISDICTION', 'The jurisdiction is outside your scope');
    const { id } = await this.tx.run((em) =>
      this.recordViolation(em, { ...dto, employerId, sourceType: 'MANUAL', sourceId: null }, viewer),
    );
    return violationView((await this.repo.violation(this.tx.manager, id))!, null);
  }

  /**
   * The employer's compliance record: violations, grades, listings and the audit trail. Staff see the employers
   * registered in their jurisdiction or with a finding or listing there; district staff also see an employer
   * anchored nowhere (known only by name, e.g. from complaints); any other employer, one of another district
   * included, is 404, like one that does not exist.
   */
  async record(viewer: Principal, employerId: string): Promise<EmployerComplianceDto> {
    const em = this.tx.manager;
    const employer = await this.employers.byId(em, employerId);
    if (!employer) throw employerNotFound();
    const scope = viewer.jurisdictions.filter((j) => /^\d{2,12}$/.test(j));
    const districtWide = scope.some((j) => j.length <= 6);
    if (!(await this.repo.employerInScope(em, employerId, scope, districtWide))) throw employerNotFound();
    const [violations, published, grades, listings, events] = await Promise.all([
      this.repo.violationsOf(em, employerId),
      this.repo.publishedOf(em, employerId),
      this.repo.gradesOf(em, employerId),
      this.repo.blacklistOf(em, employerId),
      this.audit.timeline(em, EMPLOYER_CASE, employerId),
    ]);
    const today = todayInShanghai();
    const persons = await this.persons.staffViews(em, viewer, listings);
    const blacklist = listings.map((b) => listingView(b, today, persons.get(b.id) ?? []));
    return {
      employerId,
      name: employer.name,
      nameConfirmed: employer.nameConfirmed,
      uscc: employer.uscc,
      violations: violations.map((v) => violationView(v, published.get(v.id) ?? null)),
      grades: grades.map((g) => ({
        year: g.year,
        grade: g.grade,
        reasons: g.reasons,
        violationCount: g.violationCount,
        computedAt: g.computedAt.toISOString(),
      })),
      blacklist,
      blacklisted: blacklist.some((b) => b.inForce),
      events: events.map((e) => ({
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorRole: e.actor.role,
        data: e.data,
        occurredAt: e.occurredAt,
      })),
    };
  }

  /** ADMIN starts the grading of a year now (the job runs after commit, through the outbox). */
  async startGradeRun(year: number): Promise<GradeRunViewDto> {
    if (year > yearOf(todayInShanghai()))
      throw AppException.conflict('GRADE_YEAR_IN_FUTURE', 'That year has not started', { year });
    const jobId = await this.tx.run((em) => this.outbox.enqueue(em, JobName.ComplianceGradeYear, { year }));
    return { jobId, year };
  }

  /**
   * Job body: every employer's grade for `year` (default: the year that just ended), computed from the
   * year's findings by one set-based query per batch of employers and upserted (a replay rewrites the same rows).
   * Runs of one year are serialised: a run waits for the one in progress rather than skipping, since that one may
   * have read an employer before a change that asked for this run (RegistersService.updateFacts) committed.
   */
  async gradeYear(year: number = yearOf(todayInShanghai()) - 1): Promise<{ graded: number }> {
    return this.tx.run(async (em) => {
      await xactLock(em, LOCKS.gradeYear, year);
      let graded = 0;
      let after: string | null = null;
      for (;;) {
        const facts = await this.repo.gradingFacts(em, year, after, GRADE_BATCH);
        if (facts.length === 0) break;
        await this.repo.upsertGrades(
          em,
          year,
          facts.map((f) => ({ employerId: f.employerId, violationCount: f.violations, ...gradeFor(f) })),
        );
        graded += facts.length;
        after = facts[facts.length - 1].employerId;
        if (facts.length < GRADE_BATCH) break;
      }
      this.logger.log({ year, graded }, 'employer grades computed');
      return { graded };
    });
  }
}

/** Field errors of a violation input (the HTTP DTO checks the same; the inspection module calls in directly). */
export function violationInputErrors(input: RecordViolationInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!/^\d{9,12}$/.test(input.jurisdictionCode))
    errors.push(
      fieldError(
        'jurisdictionCode',
        'isStreetCode',
        'jurisdictionCode 须为街道（乡镇）行政区划代码',
        'jurisdictionCode must be a street/town division code',
      ),
    );
  if (!isValidIsoDate(input.foundOn))
    errors.push(
      fieldError(
        'foundOn',
        'isLocalDate',
        'foundOn 须为有效日期（YYYY-MM-DD）',
        'foundOn must be a date YYYY-MM-DD',
      ),
    );
  else if (compareDates(input.foundOn, todayInShanghai()) > 0)
    errors.push(
      fieldError('foundOn', 'notInFuture', 'foundOn 不能晚于今天', 'foundOn must not be in the future'),
    );
  if (input.kinds.length === 0 || input.kinds.some((k) => !VIOLATION_KINDS.includes(k)))
    errors.push(
      fieldError(
        'kinds',
        'isIn',
        `kinds 须为以下一项或多项：${VIOLATION_KINDS.join(', ')}`,
        `kinds must be one or more of ${VIOLATION_KINDS.join(', ')}`,
      ),
    );
  for (const f of ['arrearsFen', 'workersAffected'] as const) {
    const n = input[f];
    if (n !== undefined && (!Number.isSafeInteger(n) || n < 0))
      errors.push(fieldError(f, 'min', `${f} 须为非负整数`, `${f} must be a non-negative integer`));
  }
  return errors;
}

export function violationView(v: EmployerViolation, publishedIn: string | null): ViolationViewDto {
  return {
    id: v.id,
    employerId: v.employerId,
    jurisdictionCode: v.jurisdictionCode,
    sourceType: v.sourceType,
    sourceId: v.sourceId,
    foundOn: v.foundOn,
    kinds: v.kinds,
    arrearsFen: v.arrearsFen,
    workersAffected: v.workersAffected,
    orderRefused: v.orderRefused,
    massIncident: v.massIncident,
    criminalTransfer: v.criminalTransfer,
    criminalLiabilityOn: v.criminalLiabilityOn,
    criminalLiabilityRef: v.criminalLiabilityRef,
    meetsCrimeThreshold: v.meetsCrimeThreshold,
    migrantWorkers: v.migrantWorkers,
    major: v.major,
    facts: v.facts,
    handling: v.handling,
    publishedIn,
  };
}

/** A listing as staff see it, with its persons as `BlacklistPersonsService.staffViews` shows them to the viewer. */
export function listingView(
  b: BlacklistEntry,
  today: string,
  persons: BlacklistPersonViewDto[],
): BlacklistEntryViewDto {
  return {
    id: b.id,
    employerId: b.employerId,
    violationId: b.violationId,
    jurisdictionCode: b.jurisdictionCode,
    status: b.status,
    inForce: b.status === 'LISTED' && inForce(b, today),
    reasons: b.reasons,
    listedOn: b.listedOn,
    expiresOn: b.expiresOn,
    removedOn: b.removedOn,
    correctedOn: b.correctedOn,
    commitmentOn: b.commitmentOn,
    version: b.version,
    persons,
  };
}
