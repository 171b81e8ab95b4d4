import type { EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import type { ArbitrationRepository } from './arbitration.repository';
import { DISPUTE_ENDING_CLOSURES, REESCALATION_AFTER } from './arbitration.rules';

/**
 * Under the complaint's application lock (ArbitrationRepository.lockComplaintApplications): no application for a
 * dispute an award or 调解书 ended, and one escalation per mediation (办案规则 第三十四条; the rules:
 * arbitration.rules.ts DISPUTE_ENDING_CLOSURES, REESCALATION_AFTER).
 */
export async function assertNotRepeated(
  em: EntityManager,
  repo: ArbitrationRepository,
  complaint: { id: string; collectiveDisputeId: string | null },
  mediationCaseId: string | null | undefined,
): Promise<void> {
  const decided = await repo.closedCaseOfComplaint(
    em,
    complaint.id,
    complaint.collectiveDisputeId,
    DISPUTE_ENDING_CLOSURES,
  );
  if (decided)
    throw AppException.conflict(
      'ARBITRATION_DISPUTE_DECIDED',
      'The dispute was ended by an award or a mediation statement: no new arbitration application for it',
      { arbitrationCaseId: decided.id, closureType: decided.closureType },
    );
  const earlier = mediationCaseId ? await repo.caseFromMediation(em, mediationCaseId) : null;
  if (earlier && !REESCALATION_AFTER.includes(earlier.status))
    throw AppException.conflict(
      'MEDIATION_ALREADY_ESCALATED',
      'This mediation was escalated already; a corrected application is filed directly',
      { arbitrationCaseId: earlier.id, status: earlier.status },
    );
}
