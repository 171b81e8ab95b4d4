import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction';
import { StaffInbox } from '../notifications/staff-inbox';
import type { AssignMediatorDto, MediationCaseViewDto } from './dto/mediation.dto';
import type { MediationCase } from './entities/mediation-case.entity';
import {
  MEDIATION_SUBJECT,
  MediationCaseWriter,
  MEDIATOR_ACTS,
  mediationNotFound,
  staffMayWrite,
} from './mediation-case-writer';
import { Colleagues, colleaguesLink } from '../staff/colleagues';
import { MediationRepository } from './mediation.repository';
import { MediationViews } from './mediation-views';

/**
 * Who mediates an open case (人民调解法 第十九条: the committee designates the mediator): a mediator of the case's
 * committee covering its street takes it over — themselves or a colleague — with a reason on the timeline, as when the
 * designated one is away. Never one who declared a conflict with the employer (回避).
 */
@Injectable()
export class MediationAssignmentService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: MediationRepository,
    private readonly writer: MediationCaseWriter,
    private readonly users: UsersService,
    private readonly inbox: StaffInbox,
    private readonly views: MediationViews,
    private readonly colleagues: Colleagues,
  ) {}

  onModuleInit(): void {
    this.colleagues.register('MEDIATION', {
      role: 'MEDIATOR',
      actingRoles: MEDIATOR_ACTS,
      acceptable: async (em, viewer, id) => {
        const m = await this.repo.findCase(em, id);
        // The scope and the 回避 of every write of the case (404, 403 MEDIATOR_CONFLICT).
        if (!m || !staffMayWrite(viewer, m)) throw mediationNotFound();
        await this.writer.assertNoConflict(em, viewer, m);
        return this.acceptable(em, m);
      },
    });
  }

  /**
   * Whom the case may be handed to (the staff directory lists exactly these): the active mediators of its committee
   * covering its street, but its current mediator and those who declared a conflict with its employer.
   */
  async acceptable(
    em: EntityManager,
    m: Pick<MediationCase, 'organisationId' | 'streetCode' | 'mediatorUserId' | 'employerId'>,
  ): Promise<string[]> {
    const committee = await this.users.staffOfOrganisation(em, 'MEDIATOR', m.organisationId, m.streetCode);
    const conflicted = await this.repo.conflictedWith(em, m.employerId);
    return committee.filter((id) => id !== m.mediatorUserId && !conflicted.has(id));
  }

  async assign(viewer: Principal, id: string, dto: AssignMediatorDto): Promise<MediationCaseViewDto> {
    const to = dto.mediatorUserId ?? viewer.userId;
    await this.tx.run((em) =>
      this.writer.transition(
        em,
        viewer,
        id,
        dto.version,
        'ASSIGN_MEDIATOR',
        async (m) => {
          const problem = await this.assigneeError(em, m, to);
          if (problem) throw AppException.validation([problem]);
          await this.repo.updateCase(em, m.id, { mediatorUserId: to });
          await this.inbox.post(em, [to], {
            template: 'MEDIATION_CASE_ASSIGNED',
            subjectRef: `${MEDIATION_SUBJECT}:${m.id}`,
            dedupKey: `mediation-assigned:${m.id}:${m.version}`,
          });
          return m.mediatorUserId;
        },
        async (m, status, from) => {
          await this.writer.event(em, m.complaintId, m.id, 'MEDIATOR_ASSIGNED', viewer, status, status, {
            fromMediatorUserId: from,
            mediatorUserId: to,
            reason: dto.reason,
          });
        },
      ),
    );
    return this.views.one(this.tx.manager, viewer, id);
  }

  /** Why `to` may not take the case (not among `acceptable`): already it, in conflict, or not of its committee. */
  private async assigneeError(
    em: EntityManager,
    m: Pick<MediationCase, 'id' | 'organisationId' | 'streetCode' | 'mediatorUserId' | 'employerId'>,
    to: string,
  ): Promise<FieldError | null> {
    if ((await this.acceptable(em, m)).includes(to)) return null;
    const field = 'mediatorUserId';
    const colleagues = colleaguesLink('MEDIATION', m.id);
    const where = { colleagues };
    if (to === m.mediatorUserId)
      return fieldError(field, 'notCurrent', '该调解员已承办本案', 'already the case’s mediator', where);
    const committee = await this.users.staffOfOrganisation(em, 'MEDIATOR', m.organisationId, m.streetCode);
    if (committee.includes(to))
      return fieldError(
        field,
        'noConflict',
        `该调解员已声明与该用人单位存在利害关系（回避）；可接手的调解员见 GET ${colleagues}`,
        `declared a conflict with the employer; the mediators you may name: GET ${colleagues}`,
        where,
      );
    return fieldError(
      field,
      'ofCommittee',
      `须为本调解委员会负责该街道的在任调解员；可接手的调解员见 GET ${colleagues}`,
      `a mediator of the case’s committee for its street; the mediators you may name: GET ${colleagues}`,
      where,
    );
  }
}
