import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import type { InspectionCase } from './entities/inspection-case.entity';
import type { InspectionRepository } from './inspection.repository';

/**
 * 403 INSPECTOR_CONFLICT for an inspector who declared a conflict with the case's employer: checked by every act on
 * the case and by the colleagues directory for it, so the two refuse the same callers.
 */
// 劳动保障监察条例 第十六条: an inspector with an interest in the matter 应当回避 — one who declared it takes no act here.
export async function assertNotRecused(
  repo: InspectionRepository,
  em: EntityManager,
  viewer: Principal,
  c: Pick<InspectionCase, 'employerId'>,
): Promise<void> {
  if (
    viewer.role === 'INSPECTOR' &&
    c.employerId &&
    (await repo.hasConflict(em, viewer.userId, c.employerId))
  )
    throw AppException.forbidden(
      'INSPECTOR_CONFLICT',
      'The inspector declared a conflict with this employer',
    );
}
