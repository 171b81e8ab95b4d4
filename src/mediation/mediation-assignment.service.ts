import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction';
import { StaffInbox } from '../notifications/staff-inbox';
import type { AssignMediatorDto, MediationCaseViewDto } from './dto/mediation.dto';
import type { MediationCase } from './entities/mediation-case.entity';
import { MEDIATION_SUBJECT, MediationCaseWriter } from './mediation-case-writer';
import { MediationRepository } from './mediation.repository';
import { MediationViews } from './mediation-views';

/**
 * Who mediates an open case (人民调解法 第十九条: the committee designates the mediator): a mediator of the case's
 * committee covering its street takes it over — themselves or a colleague — with a reason on the timeline, as when the
 * designated one is away. Never one who declared a conflict with the employer (回避).
 */
@Injectable()
export class MediationAssignmentService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: MediationRepository,
    private readonly writer: MediationCaseWriter,
    private readonly users: UsersService,
    private readonly inbox: StaffInbox,
    private readonly views: MediationViews,
  ) {}

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
    return this.views.one(this.tx.manager, id);
  }

  /** Why `to` may not take the case: not a mediator of its committee for its street, already it, or in conflict. */
  private async assigneeError(
    em: EntityManager,
    m: Pick<MediationCase, 'organisationId' | 'streetCode' | 'mediatorUserId' | 'employerId'>,
    to: string,
  ): Promise<FieldError | null> {
    const field = 'mediatorUserId';
    const committee = await this.users.staffOfOrganisation(em, 'MEDIATOR', m.organisationId, m.streetCode);
    if (!committee.includes(to))
      return fieldError(
        field,
        'ofCommittee',
        '须为本调解委员会负责该街道的在任调解员',
        'a mediator of the case’s committee for its street',
      );
    if (to === m.mediatorUserId)
      return fieldError(field, 'notCurrent', '该调解员已承办本案', 'already the case’s mediator');
    if (await this.repo.hasConflict(em, to, m.employerId))
      return fieldError(
        field,
        'noConflict',
        '该调解员已声明与该用人单位存在利害关系（回避）',
        'declared a conflict with the employer',
      );
    return null;
  }
}
