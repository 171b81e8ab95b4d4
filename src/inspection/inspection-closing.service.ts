import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { DATED_ON_FIELDS, DeadlinesService } from '../deadlines/deadlines.service';
import type { InspectionCaseViewDto } from './dto/inspection.dto';
import type { InspectionCase } from './entities';
import { INSPECTION_CASE_TYPE, type ManualClosure } from './inspection.constants';
import { mergeRefusal } from './inspection-merge.rules';
import { InspectionProceeding, type StepResult } from './inspection-proceeding';
import { InspectionRepository } from './inspection.repository';
import { closureAllowed, CLOSURES_BY_STATUS } from './inspection.state';

const MERGE_REFUSALS = {
  MERGE_TARGET_NOT_OPEN: 'The case merged into must be under investigation (立案, not closed)',
  MERGE_TARGET_OTHER_EMPLOYER: 'The case merged into must be about the same employer',
  MERGE_TARGET_OTHER_BRIGADE: 'The case merged into must be handled by the same brigade',
} as const;

/** The worker's SMS (and a reporter's reply, REPORT_INSPECTION_CLOSED) of a merge: the surviving case's number. */
const mergedNotice = (mergedIntoCaseNo: string): StepResult['notify'] => ({
  template: 'INSPECTION_MERGED',
  params: { mergedIntoCaseNo, closureType: 'MERGED' },
});

const mergedIntoError = (constraint: string, zh: string, en: string) =>
  AppException.validation([fieldError('mergedIntoCaseId', constraint, zh, en)]);

/** 结案: the closings entered through POST /cases/:id/close (the transfer closes by its own act). */
@Injectable()
export class InspectionClosingService {
  constructor(
    private readonly cases: InspectionProceeding,
    private readonly repo: InspectionRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  /**
   * 结案 (监察条例 第十八条): RECTIFIED once the order is complied with (no wages outstanding), PENALISED after a decision,
   * NO_VIOLATION, REVOKED (撤销立案) or MERGED (并案) into the surviving case it names (`mergedIntoCaseId`:
   * mergedInto), as CLOSURES_BY_STATUS allows.
   */
  close(
    viewer: Principal,
    id: string,
    dto: {
      version: number;
      closureType: ManualClosure;
      mergedIntoCaseId?: string;
      note?: string;
      on?: string;
    },
  ): Promise<InspectionCaseViewDto> {
    if (dto.closureType !== 'MERGED' && dto.mergedIntoCaseId !== undefined)
      throw mergedIntoError(
        'onlyWhenMerged',
        'mergedIntoCaseId 仅在并案（closureType MERGED）时填写',
        'mergedIntoCaseId is given only with closureType MERGED',
      );
    if (dto.closureType === 'MERGED' && dto.mergedIntoCaseId === id)
      throw mergedIntoError('notItself', '案件不能并入其本身', 'a case is not merged into itself');
    return this.cases.transition(viewer, id, dto.version, 'CLOSE', dto.on, async (em, c, on) => {
      if (!closureAllowed(c.status, dto.closureType))
        throw AppException.conflict(
          'CLOSURE_NOT_ALLOWED',
          `A case in status ${c.status} cannot close as ${dto.closureType}`,
          {
            status: c.status,
            allowed: CLOSURES_BY_STATUS[c.status] ?? [],
          },
        );
      if (dto.closureType === 'RECTIFIED' && c.recoveredFen < c.arrearsFen)
        throw AppException.conflict(
          'ARREARS_OUTSTANDING',
          'Wages are still unpaid: the order is not complied with',
          {
            arrearsFen: c.arrearsFen,
            recoveredFen: c.recoveredFen,
          },
        );
      const into =
        dto.closureType === 'MERGED' ? await this.mergedInto(em, viewer, c, dto.mergedIntoCaseId!) : null;
      await this.deadlines.stopAll(em, INSPECTION_CASE_TYPE, id, on, viewer, undefined, DATED_ON_FIELDS);
      const due = await this.cases.closingDue(em, c);
      const violationFound =
        dto.closureType === 'NO_VIOLATION'
          ? false
          : dto.closureType === 'RECTIFIED' || dto.closureType === 'PENALISED'
            ? true
            : c.violationFound;
      const merged = into ? { mergedIntoCaseId: into.id, mergedIntoCaseNo: into.caseNo } : {};
      // The surviving case's timeline shows what was folded into it, in this transaction (its status unchanged).
      if (into)
        await this.cases.record(em, into.id, 'INSPECTION_MERGED_IN', viewer, into.status, into.status, {
          mergedCaseId: c.id,
          mergedCaseNo: c.caseNo,
          on,
        });
      return {
        changes: {
          closureType: dto.closureType,
          closedOn: on,
          violationFound,
          investigationDueOn: due,
          ...merged,
        },
        // The worker is told the surviving case's number, to follow the matter there.
        notify: into
          ? mergedNotice(into.caseNo)
          : { template: 'INSPECTION_CLOSED', params: { closureType: dto.closureType } },
        data: {
          closureType: dto.closureType,
          note: dto.note ?? null,
          withinPeriod: !due || on <= due,
          ...merged,
        },
      };
    });
  }

  /**
   * The surviving case of a merge, locked until the closing commits (so it cannot close meanwhile): one the caller may
   * act on (404 MERGE_TARGET_NOT_FOUND otherwise, as for a case they may not see), open, of the same employer and
   * brigade (409, mergeRefusal).
   */
  private async mergedInto(
    em: EntityManager,
    viewer: Principal,
    c: InspectionCase,
    targetId: string,
  ): Promise<InspectionCase> {
    const target = await this.repo.lockCase(em, targetId);
    if (!target || !coversJurisdiction(viewer, target.jurisdictionCode))
      throw AppException.notFound('MERGE_TARGET_NOT_FOUND', 'No such inspection case to merge into');
    const refusal = mergeRefusal(c, target);
    if (refusal)
      throw AppException.conflict(refusal, MERGE_REFUSALS[refusal], {
        mergedIntoCaseId: target.id,
        caseNo: target.caseNo,
        status: target.status,
      });
    return target;
  }
}
