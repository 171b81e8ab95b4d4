import { Injectable } from '@nestjs/common';
import { todayInShanghai } from '../calendar/local-date';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/roles';
import { CORRECTION_PAUSE_REASON, correctionRestartReason } from './complaints.deadline-rules';
import { AppException } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { CorrectionClocks, type CorrectionClocksOf } from '../deadlines/correction-clocks';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { EmployersService, type EmployerInput } from '../reference/employers.service';
import { canTransition, COMPLAINT_TRANSITIONS } from './complaint.state';
import type { ComplaintStatus } from './complaint.constants';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { complainantProbe } from './duplicate-probe';
import type { ComplaintViewDto } from './dto/complaint-view.dto';
import type { Complaint } from './entities/complaint.entity';

const CASE = 'COMPLAINT' as const;
/** 若干规定 第十八条第一款第（二）项、第三款. */
const CORRECTION_BASIS = '关于实施《劳动保障监察条例》若干规定 第十八条第一款第（二）项、第三款';

/** The acceptance period waits for the complainant's 补正 (COMPLAINT_CORRECTION). */
const clocksOf = (c: Complaint): CorrectionClocksOf => ({
  caseType: CASE,
  caseId: c.id,
  jurisdictionCode: c.workplaceStreetCode,
  waiting: 'INSPECTION_ACCEPTANCE',
  correction: 'COMPLAINT_CORRECTION',
});

/**
 * 补正 (若干规定 第十八条第三款): a complaint without an identifiable employer is not refused; staff ask the
 * complainant to complete it, the acceptance period pauses (nothing is decided: neither met nor late) and a
 * correction period of its own runs; once the complainant names the employer the complaint is submitted again and the
 * acceptance period restarts: the 5 working days of 第十八条第一款 run anew from that day (the complete complaint is
 * received then).
 */
@Injectable()
export class ComplaintCorrectionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly complaints: ComplaintsService,
    private readonly repo: ComplaintsRepository,
    private readonly employers: EmployersService,
    private readonly deadlines: DeadlinesService,
    private readonly clocks: CorrectionClocks,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private async lockInStatus(
    em: EntityManager,
    viewer: Principal,
    id: string,
    to: ComplaintStatus,
  ): Promise<Complaint> {
    await this.complaints.assertVisible(viewer, id, em);
    const c = (await this.repo.lockForUpdate(em, id))!;
    if (!canTransition(c.status, to))
      throw AppException.conflict(
        'ILLEGAL_TRANSITION',
        `A complaint in status ${c.status} cannot become ${to}`,
        {
          status: c.status,
          allowed: COMPLAINT_TRANSITIONS[c.status],
        },
      );
    return c;
  }

  /** Staff ask the complainant to name the employer (补正); a 举报 has no complainant to ask (409). */
  async request(
    viewer: Principal,
    id: string,
    dto: { missing: string; note?: string },
  ): Promise<ComplaintViewDto> {
    await this.tx.run(async (em) => {
      const c = await this.lockInStatus(em, viewer, id, 'CORRECTION_REQUESTED');
      if (c.kind !== 'COMPLAINT')
        throw AppException.conflict(
          'CORRECTION_NEEDS_COMPLAINANT',
          'Only a complaint (投诉) has a complainant to ask for a correction',
        );
      const today = todayInShanghai();
      // Nothing is decided: the acceptance period waits for the complainant (PAUSED), it is not met.
      const dueOn = await this.clocks.asked(em, clocksOf(c), today, CORRECTION_PAUSE_REASON, viewer);
      await this.repo.updateStatus(em, id, 'CORRECTION_REQUESTED');
      await this.audit.append(em, {
        caseType: CASE,
        caseId: id,
        action: 'CORRECTION_REQUESTED',
        fromStatus: c.status,
        toStatus: 'CORRECTION_REQUESTED',
        actor: viewer,
        data: { missing: dto.missing, note: dto.note ?? null, legalBasis: CORRECTION_BASIS, dueOn },
      });
      await this.outbox.enqueue(em, JobName.PartyNotify, {
        complaintId: id,
        template: 'COMPLAINT_CORRECTION_REQUESTED',
        dedupKey: `complaint-correction-request:${id}:${c.version}`,
        params: { missing: dto.missing, dueOn, legalBasis: CORRECTION_BASIS },
      });
    });
    return this.complaints.get(viewer, id);
  }

  /**
   * The complainant (visibility: only their own complaint) or staff of its street on the complainant's word names
   * the employer: the complaint is submitted again and
   * a new acceptance period of 5 working days runs from today (若干规定 第十八条第一款).
   */
  async supply(
    viewer: Principal,
    id: string,
    dto: { employer: EmployerInput; note?: string },
  ): Promise<ComplaintViewDto> {
    await this.tx.run(async (em) => {
      const c = await this.lockInStatus(em, viewer, id, 'SUBMITTED');
      const today = todayInShanghai();
      const employer = await this.employers.findOrCreate(em, dto.employer);
      // The complete complaint is received today (第十八条第三款): the possible-duplicate flag is probed as at intake,
      // for the employer now named, from today (complaint.state.ts DUPLICATE_WINDOW_DAYS).
      const duplicateOf = await this.repo.replaceEmployer(
        em,
        {
          id,
          employerId: employer.id,
          category: c.category,
          receivedOn: today,
          employerNameStated: dto.employer.name,
          employerPhoneStated: dto.employer.contactPhone ?? null,
          employerAddressStated: dto.employer.address ?? null,
        },
        complainantProbe(c),
      );
      // The day the 补正 was due, as its clock counts it (a late 补正 is taken, and recorded as late; the clock is the
      // complainant's period, so it reads LAPSED, not BREACHED).
      const correctionDueOn =
        (await this.deadlines.forCase(CASE, id, today, em))
          .filter(
            (k) => k.rule.id === 'COMPLAINT_CORRECTION' && (k.state === 'RUNNING' || k.state === 'LAPSED'),
          )
          .map((k) => k.due!)
          .sort()
          .at(-1) ?? null;
      const late = correctionDueOn !== null && today > correctionDueOn;
      // The paused acceptance period restarts: 5 working days from today. A complaint asked before this rule (its
      // acceptance clock stopped then) gets a new clock from today.
      await this.clocks.supplied(
        em,
        clocksOf(c),
        today,
        correctionRestartReason(correctionDueOn, today),
        viewer,
      );
      await this.repo.updateStatus(em, id, 'SUBMITTED');
      await this.audit.append(em, {
        caseType: CASE,
        caseId: id,
        action: 'CORRECTION_SUPPLIED',
        fromStatus: c.status,
        toStatus: 'SUBMITTED',
        actor: viewer,
        data: {
          previousEmployerId: c.employerId,
          employerId: employer.id,
          employerAddressStated: dto.employer.address ?? null,
          note: dto.note ?? null,
          acceptanceRestartsOn: today,
          correctionDueOn,
          late,
        },
      });
      if (duplicateOf && duplicateOf !== c.possibleDuplicateOf)
        await this.audit.append(em, {
          caseType: CASE,
          caseId: id,
          action: 'POSSIBLE_DUPLICATE_FLAGGED',
          actor: null,
          data: { duplicateOf },
        });
      // Early warning: the employer now named is rescored (deduplicated per employer by the job catalogue).
      await this.outbox.enqueue(em, JobName.RiskRescoreEmployer, { employerId: employer.id });
    });
    return this.complaints.get(viewer, id);
  }
}
