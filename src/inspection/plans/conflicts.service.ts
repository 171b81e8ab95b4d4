import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/roles';
import { coversJurisdiction } from '../../auth/roles';
import { UsersService } from '../../auth/users.service';
import { AppException, fieldError } from '../../common/errors/app-exception';
import { newId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { EmployersService } from '../../reference/employers.service';
import type { ConflictViewDto, DeclareConflictDto } from './dto/plans.dto';
import { PlansRepository } from './plans.repository';

/**
 * 回避: an inspector declares, or a supervisor records, a conflict of interest with an employer; the draw never
 * assigns that inspector to that employer.
 */
@Injectable()
export class ConflictsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: PlansRepository,
    private readonly users: UsersService,
    private readonly employers: EmployersService,
  ) {}

  declare(user: Principal, dto: DeclareConflictDto): Promise<ConflictViewDto> {
    return this.tx.run(async (em) => {
      const inspectorId = dto.inspectorId ?? (user.role === 'INSPECTOR' ? user.userId : undefined);
      if (!inspectorId)
        throw AppException.validation([
          fieldError('inspectorId', 'isDefined', 'inspectorId 为必填字段', 'inspectorId is required'),
        ]);
      if (user.role === 'INSPECTOR' && inspectorId !== user.userId)
        throw AppException.forbidden('NOT_YOUR_CONFLICT', 'An inspector declares only their own conflicts');
      const inspector = await this.users.findById(em, inspectorId);
      const inScope =
        inspector?.role === 'INSPECTOR' &&
        inspector.jurisdictionCodes.some((code) => coversJurisdiction(user, code));
      if (!inScope)
        throw AppException.notFound('INSPECTOR_NOT_FOUND', 'No such inspector in your jurisdiction');
      if (!(await this.employers.byIds(em, [dto.employerId])).has(dto.employerId))
        throw AppException.notFound('EMPLOYER_NOT_FOUND', 'No such employer');
      const id = newId();
      const inserted = await this.repo.insertConflict(em, {
        id,
        inspectorId,
        employerId: dto.employerId,
        reason: dto.reason,
        recordedBy: user.userId,
      });
      if (!inserted)
        throw AppException.conflict('CONFLICT_ALREADY_DECLARED', 'This conflict is already on record');
      const c = (await this.repo.findConflict(em, id))!;
      return {
        id: c.id,
        inspectorId: c.inspectorId,
        employerId: c.employerId,
        reason: c.reason,
        recordedBy: c.recordedBy,
        createdAt: c.createdAt.toISOString(),
      };
    });
  }
}
