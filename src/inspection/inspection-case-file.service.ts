import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OPEN_STATUSES, type InspectionClosureType, type InspectionStatus } from './inspection.constants';
import { REFUSAL_REASONS } from './inspection.rules';
import { InspectionRepository } from './inspection.repository';

/** What a party (or the report channel) may know of an inspection case: the step, never the reporter. */
export interface InspectionStep {
  id: string;
  caseNo: string;
  status: InspectionStatus;
  open: boolean;
  receivedOn: string;
  acceptedOn: string | null;
  refusedOn: string | null;
  refusalReasons: { code: string; text: string }[];
  investigationDueOn: string | null;
  rectifyDueOn: string | null;
  closedOn: string | null;
  closureType: InspectionClosureType | null;
  violationFound: boolean | null;
  recoveredFen: number;
  organisationId: string;
}

/** The inspection cases of a complaint as parties see them (for /my/cases, the report channel, withdrawal). */
@Injectable()
export class InspectionCaseFileService {
  constructor(private readonly repo: InspectionRepository) {}

  async stepsOfComplaint(em: EntityManager, complaintId: string): Promise<InspectionStep[]> {
    return (await this.repo.casesOfComplaint(em, complaintId)).map((c) => ({
      id: c.id,
      caseNo: c.caseNo,
      status: c.status,
      open: c.status === 'RECEIVED' || OPEN_STATUSES.includes(c.status),
      receivedOn: c.receivedOn,
      acceptedOn: c.acceptedOn,
      refusedOn: c.refusedOn,
      refusalReasons: (c.refusalReasons ?? []).map((code) => ({ code, text: REFUSAL_REASONS[code] })),
      investigationDueOn: c.investigationDueOn,
      rectifyDueOn: c.rectifyDueOn,
      closedOn: c.closedOn,
      closureType: c.closureType,
      violationFound: c.violationFound,
      recoveredFen: c.recoveredFen,
      organisationId: c.organisationId,
    }));
  }
}
