import type { InspectionCaseViewDto } from './dto/inspection.dto';
import type { InspectionCase, InspectionDocument, InspectionRecovery } from './entities';
import { REFUSAL_REASONS } from './inspection.rules';

/** What the view of a case shows beside the row (staff see documents, recoveries and clocks; the worker does not). */
export interface InspectionViewParts {
  staff: boolean;
  employer: { id: string; name: string; nameConfirmed: boolean } | undefined;
  documents: InspectionDocument[];
  recoveries: InspectionRecovery[];
  clocks: InspectionCaseViewDto['clocks'];
  wageCrime: InspectionCaseViewDto['wageCrime'];
  inspectors: InspectionCaseViewDto['inspectors'];
}

/** The case as the API shows it. */
export function inspectionCaseView(
  c: InspectionCase,
  { staff, employer, documents, recoveries, clocks, wageCrime, inspectors }: InspectionViewParts,
): InspectionCaseViewDto {
  return {
    id: c.id,
    caseNo: c.caseNo,
    source: c.source,
    complaintId: c.complaintId,
    planId: c.planId,
    employer: employer
      ? { id: employer.id, name: employer.name, nameConfirmed: employer.nameConfirmed }
      : null,
    jurisdictionCode: c.jurisdictionCode,
    organisationId: c.organisationId,
    status: c.status,
    version: c.version,
    receivedOn: c.receivedOn,
    acceptanceDueOn: c.acceptanceDueOn,
    acceptedOn: c.acceptedOn,
    refusedOn: c.refusedOn,
    refusal: c.refusalReasons
      ? {
          reasons: c.refusalReasons.map((code) => ({ code, text: REFUSAL_REASONS[code] })),
          note: c.refusalText,
          referTo: c.refusalReferTo,
        }
      : null,
    violationEndedOn: c.violationEndedOn,
    investigationDueOn: c.investigationDueOn,
    extendedDays: c.extendedDays,
    closedOn: c.closedOn,
    closureType: c.closureType,
    mergedInto: c.mergedIntoCaseId ? { id: c.mergedIntoCaseId, caseNo: c.mergedIntoCaseNo! } : null,
    violationFound: c.violationFound,
    arrearsFen: c.arrearsFen,
    workersAffected: c.workersAffected,
    monthsUnpaid: c.monthsUnpaid,
    recoveredFen: c.recoveredFen,
    recoveredWorkers: c.recoveredWorkers,
    penaltyFen: c.penaltyFen,
    rectifyDueOn: c.rectifyDueOn,
    orderRefused: c.orderRefused,
    transferredToPolice: c.transferredToPolice,
    massIncident: c.massIncident,
    assignedInspectorIds: staff ? c.assignedInspectorIds : [],
    inspectors,
    wageCrime,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      docNo: d.docNo,
      issuedOn: d.issuedOn,
      employerFacing: d.employerFacing,
    })),
    recoveries: recoveries.map((r) => ({
      id: r.id,
      paidOn: r.paidOn,
      amountFen: r.amountFen,
      workersCovered: r.workersCovered,
    })),
    clocks,
  };
}
