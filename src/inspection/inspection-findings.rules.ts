/**
 * What counts as findings of an investigation (调查、检查): any act that records one is made by two inspectors
 * (劳动保障监察条例 第十六条; InspectionFindings checks it for every such act).
 */

export interface Findings {
  arrearsFen?: number;
  workersAffected?: number;
  monthsUnpaid?: number | null;
  massIncident?: boolean;
}

/** The request fields that are findings of the investigation (an act giving any of them records findings). */
export const FINDING_FIELDS = ['arrearsFen', 'workersAffected', 'monthsUnpaid', 'massIncident'] as const;

/** Only the findings given are written. */
export function findingChanges(f: Findings) {
  return {
    ...(f.arrearsFen !== undefined ? { arrearsFen: f.arrearsFen } : {}),
    ...(f.workersAffected !== undefined ? { workersAffected: f.workersAffected } : {}),
    ...(f.monthsUnpaid !== undefined ? { monthsUnpaid: f.monthsUnpaid } : {}),
    ...(f.massIncident !== undefined ? { massIncident: f.massIncident } : {}),
  };
}

/** Whether a request records findings: any finding given, or the inspectors who made them named. */
export function recordsFindings(f: Findings & { inspectorIds?: unknown }): boolean {
  return FINDING_FIELDS.some((k) => f[k] !== undefined) || f.inspectorIds !== undefined;
}
