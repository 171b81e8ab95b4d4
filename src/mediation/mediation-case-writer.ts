import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { coversJurisdiction, STAFF_ROLES, type Principal, type Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { lockVersioned, versionedTransition, type VersionedWrite } from '../common/versioned-transition';
import type { MediationCase } from './entities/mediation-case.entity';
import { MediationRepository } from './mediation.repository';
import { MEDIATION_MACHINE, type MediationAction, type MediationStatus } from './mediation.state';

/** Clocks of mediation cases are filed under this case type. */
export const MEDIATION_CASE = 'MEDIATION';
/** Messages and inbox items about a mediation case name it `mediation-case:<id>` (in-app-messages.ts links it). */
export const MEDIATION_SUBJECT = 'mediation-case';

/**
 * 403 NOT_ASSIGNED_MEDIATOR: the open case's acts (sessions, the period, the closing) are its designated mediator's
 * (人民调解法 第十九条: 人民调解委员会…指定一名或者数名人民调解员进行调解); another mediator of the committee takes the
 * case over first (POST …/mediator), on the timeline. A case with none designated may be acted on by the street's.
 */
export function assertDesignated(viewer: Principal, m: Pick<MediationCase, 'id' | 'mediatorUserId'>): void {
  if (viewer.role === 'MEDIATOR' && m.mediatorUserId && m.mediatorUserId !== viewer.userId)
    throw new AppException(403, 'NOT_ASSIGNED_MEDIATOR', 'Another mediator is designated for this case', {
      mediatorUserId: m.mediatorUserId,
      allowed: [`POST /api/v1/mediation/cases/${m.id}/mediator`],
    });
}

export const mediationNotFound = () =>
  AppException.notFound('MEDIATION_CASE_NOT_FOUND', 'No such mediation case');

/**
 * The mediation's own acts (sessions, the period's extension, the closing and its agreement, instalments paid): the
 * committee's mediators only: the committee is a 群众性组织 of its own (人民调解法 第七条); the bureau's supervisor
 * opens and follows its cases but does not mediate them.
 */
export const MEDIATOR_ACTS: readonly Role[] = ['MEDIATOR'];

/** Whether staff may write on the case (else 404): staff whose scope covers its street. */
export function staffMayWrite(viewer: Principal, m: Pick<MediationCase, 'streetCode'>): boolean {
  return STAFF_ROLES.includes(viewer.role) && coversJurisdiction(viewer, m.streetCode);
}

/** What every staff write on a mediation case does first (lock, scope, version, state) and last (the timeline event). */
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
    const m = await lockVersioned(em, this.write(viewer, id, version));
    await this.assertNoConflict(em, viewer, m);
    return m;
  }

  /**
   * 403 MEDIATOR_CONFLICT: a mediator who declared a conflict with the case's employer (回避) takes no act in its
   * case — the declaration kept them from being assigned, and now from acting on it too.
   */
  async assertNoConflict(em: EntityManager, viewer: Principal, m: MediationCase): Promise<void> {
    if (viewer.role === 'MEDIATOR' && (await this.repo.hasConflict(em, viewer.userId, m.employerId)))
      throw AppException.forbidden(
        'MEDIATOR_CONFLICT',
        'The mediator declared a conflict with this employer',
      );
  }

  /**
   * One versioned transition of a case (common/versioned-transition): lock, scope, version, the state table
   * (409 ILLEGAL_TRANSITION), then `apply` (the step and the row's write) and `record` (the timeline event).
   */
  transition<T>(
    em: EntityManager,
    viewer: Principal,
    id: string,
    version: number,
    action: MediationAction,
    apply: (m: MediationCase, to: MediationStatus) => Promise<T>,
    record: (m: MediationCase, to: MediationStatus, applied: T) => Promise<void>,
  ): Promise<T> {
    return versionedTransition(
      em,
      { ...this.write(viewer, id, version), action, machine: MEDIATION_MACHINE },
      async (m, to) => {
        await this.assertNoConflict(em, viewer, m);
        if (action !== 'ASSIGN_MEDIATOR') assertDesignated(viewer, m);
        return apply(m, to);
      },
      record,
    );
  }

  private write(viewer: Principal, id: string, version: number): VersionedWrite<MediationCase> {
    return {
      what: 'The case',
      lock: (em) => this.repo.lockCase(em, id),
      inScope: (m) => staffMayWrite(viewer, m),
      notFound: mediationNotFound,
      version,
    };
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
