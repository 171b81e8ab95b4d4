import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { AppException, fieldError } from '../common/errors/app-exception';
import { Colleagues, colleaguesLink } from '../staff/colleagues';
import type { InspectionCase } from './entities/inspection-case.entity';
import { investigationTeamError } from './inspection-duties.rules';
import { INSPECTION_ACTING_ROLES } from './inspection.constants';
import { InspectionProceeding } from './inspection-proceeding';
import { InspectionRepository } from './inspection.repository';
import { assertNotRecused } from './inspection-recusal';

/**
 * Whom an inspector may name for 立案 and for an investigative act (inspectorIds): an active INSPECTOR whose scope
 * covers the case's street — one who could act on the case himself (the scope every transition checks) — and who did
 * not declare a conflict with its employer (回避). The staff directory lists exactly these (GET /staff/colleagues).
 */
@Injectable()
export class InspectionColleagues implements OnModuleInit {
  constructor(
    private readonly users: UsersService,
    private readonly repo: InspectionRepository,
    private readonly cases: InspectionProceeding,
    private readonly colleagues: Colleagues,
  ) {}

  onModuleInit(): void {
    this.colleagues.register('INSPECTION', {
      role: 'INSPECTOR',
      actingRoles: INSPECTION_ACTING_ROLES,
      acceptable: async (em, viewer: Principal, id) => {
        const c = await this.cases.visible(em, viewer, id);
        await assertNotRecused(this.repo, em, viewer, c);
        return this.acceptable(em, c);
      },
    });
  }

  /** The ids of the inspectors the case's acts accept, oldest account first. */
  async acceptable(
    em: EntityManager,
    c: Pick<InspectionCase, 'jurisdictionCode' | 'employerId'>,
  ): Promise<string[]> {
    const covering = await this.users.staffCovering(em, 'INSPECTOR', c.jurisdictionCode);
    if (!c.employerId) return covering;
    const conflicted = await this.repo.conflictedWith(em, c.employerId);
    return covering.filter((id) => !conflicted.has(id));
  }

  /**
   * 400 unless the ids name at least two different inspectors (监察条例 第十六条), when `team` says so, each of them
   * acceptable on the case; every 400 names the directory that lists the acceptable ones.
   */
  async assertNamed(
    em: EntityManager,
    c: Pick<InspectionCase, 'id' | 'jurisdictionCode' | 'employerId'>,
    ids: readonly string[],
    team: boolean,
  ): Promise<void> {
    const field = 'inspectorIds';
    const colleagues = colleaguesLink('INSPECTION', c.id);
    const tooFew = team ? investigationTeamError(ids) : null;
    if (tooFew) throw AppException.badRequest('TOO_FEW_INSPECTORS', tooFew, { field, colleagues });
    const ok = new Set(await this.acceptable(em, c));
    for (const uid of ids) {
      if (ok.has(uid)) continue;
      const conflict = c.employerId !== null && (await this.repo.hasConflict(em, uid, c.employerId));
      throw AppException.validation([
        conflict
          ? fieldError(
              field,
              'noConflict',
              `${uid} 已申报回避该用人单位；可指定的监察员见 GET ${colleagues}`,
              `${uid} declared a conflict; the inspectors you may name: GET ${colleagues}`,
              { colleagues },
            )
          : fieldError(
              field,
              'isInspector',
              `${uid} 不是负责本案街道的在任监察员；可指定的监察员见 GET ${colleagues}`,
              `${uid} is not an active inspector for the case's street; the inspectors you may name: GET ${colleagues}`,
              { colleagues },
            ),
      ]);
    }
  }
}
