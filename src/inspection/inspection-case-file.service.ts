import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { todayInShanghai } from '../calendar/local-date';
import { mapRead, type RowsRead } from '../database/entity-rows';
import type { ReportStep } from '../complaints/report-channel.service';
import { TEMPLATES } from '../notifications/templates';
import { OPEN_STATUSES, type InspectionClosureType, type InspectionStatus } from './inspection.constants';
import { REFUSAL_REASONS } from './inspection.rules';
import { InspectionRepository } from './inspection.repository';
import type { InspectionCase } from './entities/inspection-case.entity';

/** What a party (or the report channel) may know of an inspection case: the step, never the reporter. */
export interface InspectionStep {
  id: string;
  caseNo: string;
  status: InspectionStatus;
  open: boolean;
  receivedOn: string;
  /** The day the brigade opened the case (Asia/Shanghai) and the instant: when it started (current-proceeding.ts). */
  openedOn: string;
  openedAt: string;
  acceptedOn: string | null;
  refusedOn: string | null;
  refusalReasons: { code: string; text: string }[];
  /** Where the refusal told the complainant to turn instead. */
  refusalReferTo: string | null;
  investigationDueOn: string | null;
  rectifyDueOn: string | null;
  closedOn: string | null;
  closureType: InspectionClosureType | null;
  /** MERGED: the number of the case it went into (并案), for the worker to follow. */
  mergedIntoCaseNo: string | null;
  violationFound: boolean | null;
  recoveredFen: number;
  organisationId: string;
}

/** An inspection case's status as a reporter or complainant reads it. */
export const INSPECTION_STATUS_LABELS: Readonly<Record<InspectionStatus, string>> = {
  RECEIVED: '已收到，正在审查是否立案',
  REFUSED: '不予立案',
  INVESTIGATING: '已立案，正在调查',
  RECTIFICATION_ORDERED: '已责令用人单位改正',
  PENALTY_NOTICED: '拟作出行政处罚',
  PENALTY_DECIDED: '已作出行政处罚决定',
  CLOSED: '已结案',
};
const CLOSURE_LABELS = TEMPLATES.INSPECTION_CLOSED.vars.closureType.labels;

/** The inspection cases of a complaint as parties see them (for /my/cases, the report channel, withdrawal). */
@Injectable()
export class InspectionCaseFileService {
  constructor(private readonly repo: InspectionRepository) {}

  async stepsOfComplaint(em: EntityManager, complaintId: string): Promise<InspectionStep[]> {
    return (await this.repo.casesOfComplaint(em, complaintId)).map(toStep);
  }

  /** The same read, for the case file to send with its other reads (database/entity-rows.ts readTogether). */
  stepsOfComplaintRead(complaintId: string): RowsRead<InspectionCase, InspectionStep[]> {
    return mapRead(this.repo.casesOfComplaintRead(complaintId), (cases) => cases.map(toStep));
  }

  /** Where a 举报 stands in its latest inspection case (status, plain label with the outcome, date), or null. */
  async reportStep(em: EntityManager, complaintId: string): Promise<ReportStep | null> {
    const c = (await this.stepsOfComplaint(em, complaintId)).at(-1);
    if (!c) return null;
    const label = INSPECTION_STATUS_LABELS[c.status];
    return {
      proceeding: 'INSPECTION',
      status: c.status,
      label: c.closureType ? `${label}：${CLOSURE_LABELS[c.closureType]}` : label,
      on: c.closedOn ?? c.refusedOn ?? c.acceptedOn ?? c.receivedOn,
    };
  }
}

function toStep(c: InspectionCase): InspectionStep {
  return {
    id: c.id,
    caseNo: c.caseNo,
    status: c.status,
    open: c.status === 'RECEIVED' || OPEN_STATUSES.includes(c.status),
    receivedOn: c.receivedOn,
    openedOn: todayInShanghai(c.createdAt),
    openedAt: c.createdAt.toISOString(),
    acceptedOn: c.acceptedOn,
    refusedOn: c.refusedOn,
    refusalReasons: (c.refusalReasons ?? []).map((code) => ({ code, text: REFUSAL_REASONS[code] })),
    refusalReferTo: c.refusalReferTo,
    investigationDueOn: c.investigationDueOn,
    rectifyDueOn: c.rectifyDueOn,
    closedOn: c.closedOn,
    closureType: c.closureType,
    mergedIntoCaseNo: c.mergedIntoCaseNo,
    violationFound: c.violationFound,
    recoveredFen: c.recoveredFen,
    organisationId: c.organisationId,
  };
}
