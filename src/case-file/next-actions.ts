import type { ArbitrationCaseViewDto } from '../arbitration/dto/arbitration-view.dto';
import type { MediationCaseViewDto } from '../mediation/dto/mediation.dto';
import type { MyCaseActionDto } from './dto/my-case.dto';

/** The last day of the worker's 补正 of an arbitration application still to be supplied, else null. */
export function correctionDue(
  a: Pick<ArbitrationCaseViewDto, 'status' | 'correction'> | null,
): string | null {
  return a?.status === 'CORRECTION_REQUESTED' && a.correction ? a.correction.dueOn : null;
}

/**
 * What the worker can do in one call at this step; `escalates`: the mediation they may escalate, if any;
 * `appliesDirectly`: a mediation withdrawn, still open or never opened leaves the direct application; `arbitration`:
 * the case whose application awaits the worker's 补正 (办案规则 第二十九条第四款), if it does.
 */
export function nextActions(
  escalates: MediationCaseViewDto | null,
  appliesDirectly: boolean,
  arbitration: Pick<ArbitrationCaseViewDto, 'id' | 'status' | 'correction'> | null = null,
): MyCaseActionDto[] {
  // The applicant completes the application: POST /arbitration/cases/:id/correction {answers, claims?}.
  if (arbitration && correctionDue(arbitration))
    return [
      {
        action: 'SUBMIT_ARBITRATION_CORRECTION',
        method: 'POST',
        path: `/api/v1/arbitration/cases/${arbitration.id}/correction`,
      },
    ];
  // The worker applies on their own complaint (调解仲裁法 第五条): POST /arbitration/cases {complaintId, claims}.
  if (appliesDirectly)
    return [{ action: 'APPLY_FOR_ARBITRATION', method: 'POST', path: '/api/v1/arbitration/cases' }];
  if (escalates)
    return [
      {
        action: 'ESCALATE_TO_ARBITRATION',
        method: 'POST',
        path: `/api/v1/mediation/${escalates.id}/escalate`,
      },
    ];
  return [];
}
