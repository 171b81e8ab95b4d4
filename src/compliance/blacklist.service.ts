import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, tryXactLock } from '../database/locks';
import { AuditService } from '../audit/audit.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { compareDates, todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { badCursor } from '../common/http/pagination';
import { nextByTable, versionedTransition } from '../common/versioned-transition';
import { newId } from '../common/ids';
import { isUniqueViolation, TransactionRunner } from '../database/transaction';
import { EmployersService } from '../reference/employers.service';
import { earlyRemovalRefusal, expiresOn, listingCheck } from './blacklist.rules';
import type { ResponsiblePerson } from './blacklist-persons.rules';
import { BlacklistPersonsService } from './blacklist-persons.service';
import { BLACKLIST_MACHINE } from './blacklist.state';
import { EMPLOYER_CASE } from './compliance.constants';
import { ComplianceRepository } from './compliance.repository';
import { RegistersService } from './registers.service';
import { employerNotFound, listingView, type Actor } from './compliance.service';
import type {
  BlacklistEntryViewDto,
  EarlyRemovalDto,
  ListEmployerDto,
  PublicBlacklistPageDto,
  PublicBlacklistQuery,
} from './dto/compliance.dto';

const listingNotFound = () => AppException.notFound('BLACKLIST_ENTRY_NOT_FOUND', 'No such listing');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A keyset cursor that is a row id (public lists); anything else is a 400. */
export function idCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  if (!UUID.test(cursor)) throw AppException.validation([badCursor()]);
  return cursor;
}

/**
 * The 拖欠农民工工资失信联合惩戒名单 (人社部令第45号): listing (SUPERVISOR, audited), early removal after correction
 * and a credit commitment, expiry after 3 years (daily sweep), and the public list of listings in force.
 */
@Injectable()
export class BlacklistService {
  private readonly logger = new Logger(BlacklistService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ComplianceRepository,
    private readonly audit: AuditService,
    private readonly registers: RegistersService,
    private readonly employers: EmployersService,
    private readonly persons: BlacklistPersonsService,
  ) {}

  /**
   * Lists the employer and its 当事人 (the persons named, 第五条) on the facts of one of its wage-arrears violations; 400
   * when no 法定代表人 / 主要负责人 is named or an ID number repeats, 409 with the missing facts.
   */
  async list(viewer: Principal, employerId: string, dto: ListEmployerDto): Promise<BlacklistEntryViewDto> {
    const persons = dto.responsiblePersons as ResponsiblePerson[];
    const today = todayInShanghai();
    const listedOn = dto.listedOn ?? today;
    const invalid = [
      ...(compareDates(listedOn, today) > 0
        ? [
            fieldError(
              'listedOn',
              'notInFuture',
              'listedOn 不能晚于今天',
              'listedOn must not be in the future',
            ),
          ]
        : []),
      ...this.persons.fieldErrors(persons),
    ];
    if (invalid.length) throw AppException.validation(invalid);
    const id = await this.tx.run(async (em) => {
      if (!(await this.employers.byId(em, employerId))) throw employerNotFound();
      const v = await this.repo.violation(em, dto.violationId);
      if (!v || v.employerId !== employerId)
        throw AppException.notFound('VIOLATION_NOT_FOUND', 'No such violation of this employer');
      if (!coversJurisdiction(viewer, v.jurisdictionCode))
        throw AppException.forbidden('OUTSIDE_JURISDICTION', 'The violation is outside your scope');
      const check = listingCheck(v);
      if (!check.eligible)
        throw AppException.conflict(
          'BLACKLIST_FACTS_MISSING',
          'The violation does not meet the listing facts',
          {
            missing: check.missing,
            basis: '人社部令第45号 第五条',
          },
        );
      await this.registers.assertNoticed(em, v.id, listedOn, persons);
      if (compareDates(listedOn, v.foundOn) < 0)
        throw AppException.validation([
          fieldError(
            'listedOn',
            'notBeforeFinding',
            'listedOn 不能早于违法行为的认定日期',
            'listedOn must not precede the finding',
          ),
        ]);
      const expires = expiresOn(listedOn);
      if (compareDates(expires, today) <= 0)
        throw AppException.conflict(
          'LISTING_TERM_OVER',
          'A listing decided on that day would already have expired',
          {
            expiresOn: expires,
          },
        );
      const entryId = newId();
      try {
        await this.repo.insertListing(em, {
          id: entryId,
          employerId,
          violationId: v.id,
          jurisdictionCode: v.jurisdictionCode,
          status: 'LISTED',
          reasons: check.reasons,
          listedOn,
          expiresOn: expires,
          listedBy: viewer.userId,
          version: 1,
        });
      } catch (err) {
        if (isUniqueViolation(err, 'uq_wage_arrears_blacklist_listed_employer'))
          throw AppException.conflict('ALREADY_LISTED', 'The employer is already listed');
        throw err;
      }
      const refs = await this.persons.record(em, entryId, persons);
      await this.event(em, employerId, 'BLACKLIST_LISTED', viewer, null, 'LISTED', {
        listingId: entryId,
        violationId: v.id,
        reasons: check.reasons,
        listedOn,
        expiresOn: expires,
        // 当事人 by role and the ID number's blind index: no name or number in the trail.
        persons: refs,
      });
      return entryId;
    });
    return this.view(viewer, id);
  }

  /** Early removal (信用修复, 人社部令第45号 第十二条): 6 months from the correction, a credit commitment, no 第十三条 bar. */
  async removeEarly(viewer: Principal, id: string, dto: EarlyRemovalDto): Promise<BlacklistEntryViewDto> {
    const today = todayInShanghai();
    // Dates of what already happened: one in the future is a wrong input (400), as listedOn's.
    const future = (['correctedOn', 'commitmentOn'] as const).filter(
      (f) => dto[f] !== undefined && compareDates(dto[f], today) > 0,
    );
    if (future.length)
      throw AppException.validation(
        future.map((f) =>
          fieldError(f, 'notInFuture', `${f} 不能晚于今天`, `${f} must not be in the future`),
        ),
      );
    await this.tx.run((em) =>
      versionedTransition(
        em,
        {
          what: 'The listing',
          lock: (m) => this.repo.lockListing(m, id),
          inScope: (b) => coversJurisdiction(viewer, b.jurisdictionCode),
          notFound: listingNotFound,
          version: dto.version,
          action: 'REMOVE_EARLY',
          machine: BLACKLIST_MACHINE,
        },
        async (b, to) => {
          const refusal = earlyRemovalRefusal({
            listedOn: b.listedOn,
            correctedOn: dto.correctedOn,
            commitmentOn: dto.commitmentOn ?? null,
            ...(await this.repo.earlyRemovalBars(em, b.employerId, b.listedOn, b.violationId)),
            today,
          });
          if (refusal) {
            const { code, message, ...details } = refusal;
            throw AppException.conflict(code, message, {
              ...details,
              basis: '人社部令第45号 第十二条、第十三条 (提前移出)',
            });
          }
          await this.repo.updateListing(em, b.id, {
            status: to,
            removedOn: today,
            removedBy: viewer.userId,
            correctedOn: dto.correctedOn,
            commitmentOn: dto.commitmentOn ?? null,
            removalNote: dto.note ?? null,
          });
        },
        (b, to) =>
          this.event(em, b.employerId, 'BLACKLIST_REMOVED_EARLY', viewer, b.status, to, {
            listingId: b.id,
            correctedOn: dto.correctedOn,
            commitmentOn: dto.commitmentOn,
          }),
      ),
    );
    return this.view(viewer, id);
  }

  /** Daily sweep (idempotent, one at a time): listings whose 3 years ran out by `today` become EXPIRED. */
  async sweep(today: string = todayInShanghai()): Promise<{ skipped: boolean; expired: number }> {
    return this.tx.run(async (em) => {
      if (!(await tryXactLock(em, LOCKS.blacklistSweep))) return { skipped: true, expired: 0 };
      const due = await this.repo.expiring(em, today);
      for (const b of due) {
        const to = nextByTable('The listing', BLACKLIST_MACHINE, b.status, 'EXPIRE');
        await this.repo.updateListing(em, b.id, { status: to, removedOn: b.expiresOn });
        await this.event(em, b.employerId, 'BLACKLIST_EXPIRED', null, b.status, to, {
          listingId: b.id,
          expiresOn: b.expiresOn,
        });
      }
      if (due.length) this.logger.log({ expired: due.length }, 'blacklist listings expired');
      return { skipped: false, expired: due.length };
    });
  }

  /**
   * Public: employers listed and in force today, with their 当事人 (name, ID number's last 4 — 第九条 公开; the masking
   * is a platform rule, blacklist-persons.rules.ts). No staff member, worker or other personal data.
   */
  async publicList(q: PublicBlacklistQuery): Promise<PublicBlacklistPageDto> {
    const limit = q.limit ?? 20;
    const rows = await this.repo.listedInForce(this.tx.manager, todayInShanghai(), idCursor(q.cursor), limit);
    const persons = await this.persons.publicViews(rows.map((r) => r.id));
    return {
      items: rows.map((r) => ({
        employerName: r.employer_name,
        uscc: r.uscc,
        address: r.address,
        listedOn: r.listed_on,
        expiresOn: r.expires_on,
        reasons: r.reasons,
        persons: persons.get(r.id) ?? [],
      })),
      nextCursor: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }

  private async view(viewer: Principal, id: string): Promise<BlacklistEntryViewDto> {
    const em = this.tx.manager;
    const b = await this.repo.listing(em, id);
    if (!b) throw listingNotFound();
    const persons = await this.persons.staffViews(em, viewer, [b]);
    return listingView(b, todayInShanghai(), persons.get(b.id) ?? []);
  }

  private event(
    em: EntityManager,
    employerId: string,
    action: string,
    actor: Actor,
    fromStatus: string | null,
    toStatus: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.append(em, {
      caseType: EMPLOYER_CASE,
      caseId: employerId,
      action,
      actor,
      fromStatus,
      toStatus,
      data,
    });
  }
}
