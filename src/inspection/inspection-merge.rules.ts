import type { InspectionCase } from './entities';
import { OPEN_STATUSES } from './inspection.constants';

type MergeFacts = Pick<InspectionCase, 'id' | 'employerId' | 'organisationId' | 'status'>;

/** Why a case may not be merged into `target`, as the 409's code; null when it may. */
export type MergeRefusal =
  'MERGE_TARGET_NOT_OPEN' | 'MERGE_TARGET_OTHER_EMPLOYER' | 'MERGE_TARGET_OTHER_BRIGADE';

/**
 * 并案 (platform rule, docs/state-machines.md): a case's matter goes on in a surviving case that can still handle it —
 * under investigation (立案, not closed: OPEN_STATUSES), about the same employer (a case with no employer on record
 * merges into none), run by the same brigade (its organisation). The caller's scope and "not itself" are checked before.
 */
export function mergeRefusal(source: MergeFacts, target: MergeFacts): MergeRefusal | null {
  if (!OPEN_STATUSES.includes(target.status)) return 'MERGE_TARGET_NOT_OPEN';
  if (source.employerId === null || source.employerId !== target.employerId)
    return 'MERGE_TARGET_OTHER_EMPLOYER';
  if (source.organisationId !== target.organisationId) return 'MERGE_TARGET_OTHER_BRIGADE';
  return null;
}
