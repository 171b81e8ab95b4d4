import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { coversJurisdiction, STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import type { MediationCase } from './entities/mediation-case.entity';
import { MediationRepository } from './mediation.repository';

/** Clocks of mediation cases are filed under this case type. */
export const MEDIATION_CASE = 'MEDIATION';

export const mediationNotFound = () =>
  AppException.notFound('MEDIATION_CASE_NOT_FOUND', 'No such mediation case');

/** What every staff write on a mediation case does first (lock, scope, version) and last (the timeline event). */
@Injectable()
export class MediationCaseWriter {
  constructor(
    private readonly repo: MediationRepository,
    private readonly audit: AuditService,
  ) {}

  /** Locks a case for a staff write: in scope (else 404) and at the version the client read (else 409). */
  async lockForWrite(
    em: EntityManager,
    viewer: Principal,
    id: string,
    version: number,
  ): Promise<MediationCase> {
    const m = await this.repo.lockCase(em, id);
    if (!m || !STAFF_ROLES.includes(viewer.role) || !coversJurisdiction(viewer, m.streetCode))
      throw mediationNotFound();
    if (m.version !== version)
      throw AppException.conflict('STALE_VERSION', 'The case changed since it was read', {
        version,
        currentVersion: m.version,
      });
    return m;
  }

  /** Appends an event of the case to its complaint's timeline (with `mediationCaseId` in `data`). */
  async event(
    em: EntityManager,
    complaintId: string,
    caseId: string,
    action: string,
    actor: Principal | null,
    fromStatus: string | null,
    toStatus: string | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.append(em, {
      caseType: 'COMPLAINT',
      caseId: complaintId,
      action,
      fromStatus,
      toStatus,
      actor,
      data: { mediationCaseId: caseId, ...data },
    });
  }
}
