import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { compareDates, todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { EmployersService } from '../reference/employers.service';
import { noticeRefusal, statementTiming } from './blacklist.rules';
import { personNoticeRefusal, type ResponsiblePerson } from './blacklist-persons.rules';
import { BlacklistPersonsService } from './blacklist-persons.service';
import { EMPLOYER_CASE } from './compliance.constants';
import { ComplianceRepository } from './compliance.repository';
import { employerNotFound, violationView } from './compliance.service';
import type { ViolationViewDto } from './dto/compliance.dto';
import type { NoticePersonViewDto } from './dto/blacklist-persons.dto';
import type { BlacklistNoticeViewDto, StatementDto, ViolationFactsDto } from './dto/registers.dto';
import type { BlacklistNotice } from './entities/blacklist-notice.entity';
import type { EmployerViolation } from './entities/employer-violation.entity';
import { GradeRefresh } from './grade-refresh';
import { gradingInputChanged } from './grading.rules';
import { RegistersRepository } from './registers.repository';
import { statementDueOn } from './statement-due-recount';

const violationNotFound = () =>
  AppException.notFound('VIOLATION_NOT_FOUND', 'No such violation of this employer');
const noticeNotFound = () => AppException.notFound('BLACKLIST_NOTICE_NOT_FOUND', 'No such listing notice');

/**
 * What the registers need before a decision (16.10): the prior notice of a listing with its statement period
 * (告知、陈述申辩, 人社部令第45号), and facts learnt after a finding — that the arrears concern 农民工, and criminal
 * liability (a judgment), which grade C needs instead of a mere transfer to the police.
 */
@Injectable()
export class RegistersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RegistersRepository,
    private readonly compliance: ComplianceRepository,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly employers: EmployersService,
    private readonly grades: GradeRefresh,
    private readonly persons: BlacklistPersonsService,
  ) {}

  /**
   * Serves the notice of an intended listing on the employer and the persons it names (当事人, 第五条): the statement
   * period is 5 working days from it, for each of them.
   */
  async notify(
    viewer: Principal,
    employerId: string,
    dto: { violationId: string; noticedOn?: string; responsiblePersons: unknown[] },
  ): Promise<BlacklistNoticeViewDto> {
    const persons = dto.responsiblePersons as ResponsiblePerson[];
    const today = todayInShanghai();
    const noticedOn = dto.noticedOn ?? today;
    const invalid = [
      ...(compareDates(noticedOn, today) > 0
        ? [
            fieldError(
              'noticedOn',
              'notInFuture',
              'noticedOn 不能晚于今天',
              'noticedOn must not be in the future',
            ),
          ]
        : []),
      ...this.persons.fieldErrors(persons),
    ];
    if (invalid.length) throw AppException.validation(invalid);
    return this.tx.run(async (em) => {
      const v = await this.violationOf(em, viewer, employerId, dto.violationId);
      if (compareDates(noticedOn, v.foundOn) < 0)
        throw AppException.validation([
          fieldError(
            'noticedOn',
            'notBeforeFinding',
            '告知日期不能早于违法行为的认定日期',
            'the notice cannot precede the finding',
          ),
        ]);
      const due = await statementDueOn(this.calendar, em, noticedOn);
      const notice = {
        id: newId(),
        employerId,
        violationId: v.id,
        jurisdictionCode: v.jurisdictionCode,
        noticedOn,
        statementDueOn: due,
        statementOn: null,
        statementSummary: null,
        noticedBy: viewer.userId,
      };
      await this.repo.insertNotice(em, notice);
      const refs = await this.persons.recordNoticed(em, notice.id, persons);
      await this.event(em, employerId, 'BLACKLIST_NOTICE_SERVED', viewer, {
        noticeId: notice.id,
        violationId: v.id,
        noticedOn,
        statementDueOn: due,
        // 当事人 by role and the ID number's blind index: no name or number in the trail.
        persons: refs,
      });
      return noticeView(notice, await this.persons.noticeViews(em, notice));
    });
  }

  /**
   * Records the statement (陈述申辩) on a notice of the employer, or of the person it names with `idNumber`. One
   * received after the statement period is recorded and marked late (statementTiming): it is kept with the case and
   * may be read, but it is not a statement made in time, so it neither holds nor orders the listing.
   */
  async statement(viewer: Principal, noticeId: string, dto: StatementDto): Promise<BlacklistNoticeViewDto> {
    return this.tx.run(async (em) => {
      const n = await this.repo.lockNotice(em, noticeId);
      if (!n || !coversJurisdiction(viewer, n.jurisdictionCode)) throw noticeNotFound();
      const timing = statementTiming(n, dto.receivedOn);
      if (timing === 'BEFORE_NOTICE' || compareDates(dto.receivedOn, todayInShanghai()) > 0)
        throw AppException.validation([
          fieldError(
            'receivedOn',
            'dateRange',
            'receivedOn 须在告知日期与今天之间',
            'receivedOn must be between the notice and today',
          ),
        ]);
      if (dto.idNumber !== undefined) {
        const person = await this.persons.recordStatement(em, n.id, dto.idNumber, {
          on: dto.receivedOn,
          summary: dto.summary,
        });
        if (!person)
          throw AppException.validation([
            fieldError(
              'idNumber',
              'namedOnNotice',
              '告知书未列明该当事人',
              'the notice names nobody with this ID number',
            ),
          ]);
        if ('stated' in person)
          throw AppException.conflict(
            'STATEMENT_RECORDED',
            'A statement is already recorded on this notice',
            {
              statementOn: person.stated,
            },
          );
        await this.event(em, n.employerId, 'BLACKLIST_STATEMENT_RECORDED', viewer, {
          noticeId: n.id,
          statementOn: dto.receivedOn,
          late: timing === 'LATE',
          person,
        });
        return noticeView(n, await this.persons.noticeViews(em, n));
      }
      if (n.statementOn)
        throw AppException.conflict('STATEMENT_RECORDED', 'A statement is already recorded on this notice', {
          statementOn: n.statementOn,
        });
      await this.repo.recordStatement(em, n.id, dto.receivedOn, dto.summary);
      await this.event(em, n.employerId, 'BLACKLIST_STATEMENT_RECORDED', viewer, {
        noticeId: n.id,
        statementOn: dto.receivedOn,
        late: timing === 'LATE',
      });
      return noticeView(
        { ...n, statementOn: dto.receivedOn, statementSummary: dto.summary },
        await this.persons.noticeViews(em, n),
      );
    });
  }

  /**
   * 409 unless the violation's latest notice allows a listing decided on `listedOn` of the employer and of each of
   * `persons` (named on it, heard or the period over: personNoticeRefusal). Called in the listing's transaction.
   */
  async assertNoticed(
    em: EntityManager,
    violationId: string,
    listedOn: string,
    persons: readonly ResponsiblePerson[],
  ): Promise<void> {
    const notice = await this.repo.latestNotice(em, violationId);
    const refusal =
      noticeRefusal(notice, listedOn) ??
      personNoticeRefusal(
        notice && {
          statementDueOn: notice.statementDueOn,
          persons: await this.persons.noticed(em, notice.id),
        },
        this.persons.keys(persons),
        listedOn,
      );
    if (refusal) {
      const { code, message, ...details } = refusal;
      throw AppException.conflict(code, message, {
        ...details,
        allowed: ['POST /api/v1/compliance/employers/:employerId/blacklist-notices'],
        basis: '人社部令第45号（列入前告知、陈述申辩）',
      });
    }
  }

  /** Facts learnt after the finding: 农民工, criminal liability (a judgment). Audited on the employer. */
  async updateFacts(
    viewer: Principal,
    violationId: string,
    dto: ViolationFactsDto,
  ): Promise<ViolationViewDto> {
    if ((dto.criminalLiabilityOn === undefined) !== (dto.criminalLiabilityRef === undefined))
      throw AppException.validation([
        fieldError(
          'criminalLiabilityRef',
          'together',
          '判决日期与判决文书编号须同时填写',
          'give the judgment day and its reference together',
        ),
      ]);
    // An update with nothing in it is the client's error (it was an empty UPDATE and a 500, found by the fuzz).
    if (dto.migrantWorkers === undefined && dto.criminalLiabilityOn === undefined)
      throw AppException.validation([
        fieldError(
          'migrantWorkers',
          'isDefined',
          '请填写 migrantWorkers，或同时填写 criminalLiabilityOn 与 criminalLiabilityRef',
          'give migrantWorkers or criminalLiabilityOn with criminalLiabilityRef',
        ),
      ]);
    return this.tx.run(async (em) => {
      const v = await this.repo.lockViolation(em, violationId);
      if (!v || !coversJurisdiction(viewer, v.jurisdictionCode)) throw violationNotFound();
      if (dto.criminalLiabilityOn && compareDates(dto.criminalLiabilityOn, v.foundOn) < 0)
        throw AppException.validation([
          fieldError(
            'criminalLiabilityOn',
            'notBeforeFinding',
            '判决日期不能早于违法行为的认定日期',
            'the judgment cannot precede the finding',
          ),
        ]);
      const facts = {
        ...(dto.migrantWorkers !== undefined ? { migrantWorkers: dto.migrantWorkers } : {}),
        ...(dto.criminalLiabilityOn !== undefined
          ? { criminalLiabilityOn: dto.criminalLiabilityOn, criminalLiabilityRef: dto.criminalLiabilityRef! }
          : {}),
      };
      await this.repo.updateViolationFacts(em, v.id, facts);
      await this.event(em, v.employerId, 'VIOLATION_FACTS_UPDATED', viewer, { violationId: v.id, ...facts });
      if (gradingInputChanged(v, { ...v, ...facts })) await this.grades.findingChanged(em, v);
      const published = await this.compliance.publishedOf(em, v.employerId);
      return violationView({ ...v, ...facts }, published.get(v.id) ?? null);
    });
  }

  private async violationOf(
    em: EntityManager,
    viewer: Principal,
    employerId: string,
    violationId: string,
  ): Promise<EmployerViolation> {
    if (!(await this.employers.byId(em, employerId))) throw employerNotFound();
    const v = await this.compliance.violation(em, violationId);
    if (!v || v.employerId !== employerId) throw violationNotFound();
    if (!coversJurisdiction(viewer, v.jurisdictionCode))
      throw AppException.forbidden('OUTSIDE_JURISDICTION', 'The violation is outside your scope');
    return v;
  }

  private async event(
    em: EntityManager,
    employerId: string,
    action: string,
    actor: Principal,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.append(em, { caseType: EMPLOYER_CASE, caseId: employerId, action, actor, data });
  }
}

function noticeView(
  n: Omit<BlacklistNotice, 'createdAt' | 'violation' | 'jurisdictionCode' | 'noticedBy'>,
  persons: NoticePersonViewDto[],
): BlacklistNoticeViewDto {
  return {
    id: n.id,
    employerId: n.employerId,
    violationId: n.violationId,
    noticedOn: n.noticedOn,
    statementDueOn: n.statementDueOn,
    statementOn: n.statementOn,
    statementLate: n.statementOn !== null && statementTiming(n, n.statementOn) === 'LATE',
    statementSummary: n.statementSummary,
    persons,
  };
}
