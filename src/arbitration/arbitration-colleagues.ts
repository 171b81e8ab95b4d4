import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { AppException, fieldError } from '../common/errors/app-exception';
import { Colleagues, colleaguesLink } from '../staff/colleagues';
import { ARBITRATION_DECIDING_ROLES } from './arbitration.constants';
import { arbitrationNotFound, staffScopeCovers } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import type { ArbitrationCase } from './entities/arbitration-case.entity';

/**
 * Whom a tribunal or a hearing may seat (arbitratorIds): an active ARBITRATOR of the case's commission (any active
 * arbitrator while the case has none) — 调解仲裁法 第三十一条: 仲裁庭由仲裁员组成, the commission's own (第二十条) —
 * but one recused from the case (调解仲裁法 第三十三条: 回避, recorded when the commission replaced them).
 * The staff directory lists exactly these (GET /staff/colleagues?proceeding=ARBITRATION).
 */
@Injectable()
export class ArbitrationColleagues implements OnModuleInit {
  constructor(
    private readonly users: UsersService,
    private readonly repo: ArbitrationRepository,
    private readonly colleagues: Colleagues,
  ) {}

  onModuleInit(): void {
    this.colleagues.register('ARBITRATION', {
      role: 'ARBITRATOR',
      actingRoles: ARBITRATION_DECIDING_ROLES,
      acceptable: async (em, viewer: Principal, id) => {
        const c = await this.repo.findCase(em, id);
        // The scope every write of the case checks (404 otherwise).
        if (!c || !staffScopeCovers(viewer, c)) throw arbitrationNotFound();
        return this.acceptable(em, c);
      },
    });
  }

  /** The ids of the arbitrators the case's tribunal and hearings accept, oldest account first. */
  async acceptable(
    em: EntityManager,
    c: Pick<ArbitrationCase, 'commissionId' | 'recusedArbitratorIds'>,
  ): Promise<string[]> {
    const ids =
      c.commissionId !== null
        ? await this.users.staffOfOrganisation(em, 'ARBITRATOR', c.commissionId)
        : (await this.users.activeOfRole(em, 'ARBITRATOR')).map((a) => a.id);
    return ids.filter((id) => !c.recusedArbitratorIds.includes(id));
  }

  /** 400 unless every id is acceptable on the case; each 400 names the directory that lists them. */
  async assertNamed(
    em: EntityManager,
    c: Pick<ArbitrationCase, 'id' | 'commissionId' | 'recusedArbitratorIds'>,
    ids: readonly string[],
    field: string,
  ): Promise<void> {
    const colleagues = colleaguesLink('ARBITRATION', c.id);
    const ok = new Set(await this.acceptable(em, c));
    for (const uid of ids) {
      if (ok.has(uid)) continue;
      if (c.recusedArbitratorIds.includes(uid))
        throw AppException.validation([
          fieldError(
            field,
            'notRecused',
            `${uid} 已在本案回避（调解仲裁法第三十三条）；可指定的仲裁员见 GET ${colleagues}`,
            `${uid} was recused from this case (调解仲裁法 第三十三条); the arbitrators you may name: GET ${colleagues}`,
            { colleagues },
          ),
        ]);
      const u = await this.users.findById(em, uid);
      if (u?.role === 'ARBITRATOR' && u.active)
        throw AppException.badRequest(
          'ARBITRATOR_OUTSIDE_COMMISSION',
          'A tribunal member must be an arbitrator of the case’s commission',
          { field, arbitratorId: uid, commissionId: c.commissionId, colleagues },
        );
      throw AppException.validation([
        fieldError(
          field,
          'isArbitrator',
          `${uid} 不是在任仲裁员；可指定的仲裁员见 GET ${colleagues}`,
          `${uid} is not an active arbitrator; the arbitrators you may name: GET ${colleagues}`,
          { colleagues },
        ),
      ]);
    }
  }
}
