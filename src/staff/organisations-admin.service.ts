import { Injectable } from '@nestjs/common';
import type { Organisation, OrganisationKind } from '../reference/entities/organisation.entity';
import type { Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { JurisdictionsService } from '../reference/jurisdictions.service';
import { OrganisationsService } from '../reference/organisations.service';
import type { EntityManager } from 'typeorm';
import { AdminAuditService } from './admin-audit.service';
import { StaffAdminRepository } from './staff-admin.repository';
import { ROLE_ORGANISATION_KIND, withinScope } from './staff.rules';

const notFound = () =>
  AppException.notFound('ORGANISATION_NOT_FOUND', 'No such organisation in your jurisdiction');

const view = (o: Omit<Organisation, 'createdAt'>) => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  jurisdictionCode: o.jurisdictionCode,
});

/** The public bodies of the caller's jurisdiction: listed by ADMIN and SUPERVISOR, changed by ADMIN. */
@Injectable()
export class OrganisationsAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: StaffAdminRepository,
    private readonly audit: AdminAuditService,
    private readonly jurisdictions: JurisdictionsService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** 400 unless the code is inside the caller's jurisdiction and a division the platform knows. */
  private async assertJurisdiction(actor: Principal, code: string, em: EntityManager): Promise<void> {
    if (!withinScope(actor, code))
      throw AppException.validation([
        fieldError('jurisdictionCode', 'jurisdiction', '不在您的管辖范围内', 'is outside your jurisdiction'),
      ]);
    if (!(await this.jurisdictions.isKnown(code, em)))
      throw AppException.validation([
        fieldError(
          'jurisdictionCode',
          'exists',
          '不是平台已知的区级或街道（乡镇）级行政区划',
          'is not a district or street-level unit the platform knows',
        ),
      ]);
  }

  async list(viewer: Principal) {
    return { items: (await this.repo.organisationsIn(this.tx.manager, viewer.jurisdictions)).map(view) };
  }

  async create(actor: Principal, input: { name: string; kind: OrganisationKind; jurisdictionCode: string }) {
    return this.tx.run(async (em) => {
      await this.assertJurisdiction(actor, input.jurisdictionCode, em);
      const row = { id: newId(), ...input };
      await this.repo.insertOrganisation(em, row);
      await this.audit.record(em, actor, {
        action: 'ORGANISATION_CREATED',
        targetType: 'ORGANISATION',
        targetId: row.id,
        jurisdictionCode: row.jurisdictionCode,
        changes: input,
      });
      return view(row);
    });
  }

  async update(
    actor: Principal,
    id: string,
    patch: { name?: string; kind?: OrganisationKind; jurisdictionCode?: string },
  ) {
    const updated = await this.tx.run(async (em) => {
      const org = await this.repo.findOrganisation(em, id);
      if (!org || !withinScope(actor, org.jurisdictionCode)) throw notFound();
      const next = {
        ...view(org),
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      };
      if (next.jurisdictionCode !== org.jurisdictionCode)
        await this.assertJurisdiction(actor, next.jurisdictionCode, em);
      // Members must still fit: their roles the kind, their jurisdictions the organisation's.
      const roles = Object.entries(ROLE_ORGANISATION_KIND)
        .filter(([, kind]) => kind === next.kind)
        .map(([role]) => role);
      if (next.kind !== org.kind && (await this.repo.membersOfOtherRole(em, id, roles)) > 0)
        throw AppException.validation([
          fieldError(
            'kind',
            'membersFit',
            `该机构有成员的角色与 ${next.kind} 不符`,
            `members of this organisation have roles that do not fit ${next.kind}`,
          ),
        ]);
      if (
        next.jurisdictionCode !== org.jurisdictionCode &&
        (await this.repo.membersOutside(em, id, next.jurisdictionCode)) > 0
      )
        throw AppException.validation([
          fieldError(
            'jurisdictionCode',
            'membersFit',
            '该机构有成员的管辖区域超出新的管辖范围',
            'members of this organisation have jurisdictions outside it',
          ),
        ]);
      const changes = Object.fromEntries(
        Object.entries(patch).filter(([k, v]) => v !== undefined && v !== org[k as keyof Organisation]),
      );
      if (Object.keys(changes).length > 0) {
        await this.repo.updateOrganisation(em, id, changes);
        await this.audit.record(em, actor, {
          action: 'ORGANISATION_UPDATED',
          targetType: 'ORGANISATION',
          targetId: id,
          jurisdictionCode: next.jurisdictionCode,
          changes,
        });
      }
      return next;
    });
    // After the commit: this process's views show the edit at once (OrganisationsService).
    this.organisations.forget(id);
    return updated;
  }
}
