import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import type {
  CollectiveContractPageDto,
  CollectiveContractViewDto,
  ContractQueryDto,
  CreateCollectiveContractDto,
  EmployerSummaryDto,
  ObjectCollectiveContractDto,
} from './dto/filings.dto';
import { CollectiveContractFiling } from './entities';
import { FilingScope } from './filing-scope';
import type { ListFilter } from './filings.repository';
import { FilingsRepository } from './filings.repository';
import {
  collectiveContractStatus,
  contractFilingErrors,
  objectionCheck,
  reviewPeriod,
  submittedLate,
  type ContractStatus,
} from './filings.rules';

const notFound = () =>
  AppException.notFound('COLLECTIVE_CONTRACT_NOT_FOUND', 'No such collective contract filing');

/**
 * 集体合同备案: the text is registered on receipt; the administration may object within 15 days (审查意见书),
 * otherwise the contract is in force from the day after (集体合同规定 第四十二条、第四十五条、第四十七条). The
 * EFFECTIVE status is computed from the date on every read, so no job has to flip it.
 */
@Injectable()
export class CollectiveContractsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: FilingsRepository,
    private readonly scope: FilingScope,
  ) {}

  async file(filer: Principal, dto: CreateCollectiveContractDto): Promise<CollectiveContractViewDto> {
    const today = todayInShanghai();
    const submittedOn = dto.submittedOn ?? today;
    const errors = contractFilingErrors({ signedOn: dto.signedOn, submittedOn }, today);
    if (errors.length) throw AppException.validation(errors);
    const id = await this.tx.run(async (em) => {
      const employer = await this.scope.forNewFiling(em, filer, dto.streetCode, dto.employer);
      const row: CollectiveContractFiling = {
        id: newId(),
        employerId: employer.id,
        jurisdictionCode: dto.streetCode,
        contractKind: dto.contractKind,
        title: dto.title,
        text: dto.text,
        workersCovered: dto.workersCovered,
        signedOn: dto.signedOn,
        submittedOn,
        submittedLate: submittedLate(dto.signedOn, submittedOn),
        ...reviewPeriod(submittedOn),
        status: 'SUBMITTED',
        objectedOn: null,
        objectionOpinion: null,
        objectedByUserId: null,
        filedByUserId: filer.userId,
        createdAt: new Date(),
      };
      await this.repo.insert(em, CollectiveContractFiling, row);
      return row.id;
    });
    return this.get(filer, id);
  }

  /** The administration's objection (审查意见书), in time only within the 15 days of receipt. */
  async object(
    reviewer: Principal,
    id: string,
    dto: ObjectCollectiveContractDto,
  ): Promise<CollectiveContractViewDto> {
    const today = todayInShanghai();
    const objectedOn = dto.objectedOn ?? today;
    await this.tx.run(async (em) => {
      const c = this.scope.visible(
        reviewer,
        await this.repo.lockById(em, CollectiveContractFiling, id),
        notFound,
      );
      const check = objectionCheck(c, objectedOn, today);
      if (!check.ok) {
        switch (check.kind) {
          case 'INVALID':
            throw AppException.validation(check.errors);
          case 'ALREADY_OBJECTED':
            throw AppException.conflict('ALREADY_OBJECTED', 'An objection was already recorded');
          case 'REVIEW_PERIOD_OVER':
            throw AppException.conflict(
              'REVIEW_PERIOD_OVER',
              'The 15-day review period is over: the contract took effect without objection',
              { objectionDeadline: c.objectionDeadline, effectiveOn: c.effectiveOn },
            );
        }
      }
      await this.repo.recordObjection(em, c.id, {
        objectedOn,
        opinion: dto.opinion,
        userId: reviewer.userId,
      });
    });
    return this.get(reviewer, id);
  }

  async get(viewer: Principal, id: string): Promise<CollectiveContractViewDto> {
    const em = this.tx.manager;
    const row = this.scope.visible(
      viewer,
      await this.repo.findById(em, CollectiveContractFiling, id),
      notFound,
    );
    const today = todayInShanghai();
    return (await this.scope.withEmployers(em, [row], (r, e) => contractView(r, e, today)))[0];
  }

  async list(viewer: Principal, q: ContractQueryDto): Promise<CollectiveContractPageDto> {
    const em = this.tx.manager;
    const today = todayInShanghai();
    const page = await this.repo.list(
      em,
      CollectiveContractFiling,
      this.scope.prefixes(viewer),
      { ...q, where: q.status ? statusCondition(q.status, today) : undefined },
      q,
    );
    return {
      items: await this.scope.withEmployers(em, page.items, (r, e) => contractView(r, e, today)),
      nextCursor: page.nextCursor,
    };
  }
}

/** SQL for "status on `today`", matching `collectiveContractStatus`. */
function statusCondition(status: ContractStatus, today: string): NonNullable<ListFilter['where']> {
  switch (status) {
    case 'OBJECTED':
      return { sql: "f.status = 'OBJECTED'", params: {} };
    case 'EFFECTIVE':
      return { sql: "f.status = 'SUBMITTED' AND f.effective_on <= :today", params: { today } };
    case 'SUBMITTED':
      return { sql: "f.status = 'SUBMITTED' AND f.effective_on > :today", params: { today } };
  }
}

function contractView(
  r: CollectiveContractFiling,
  employer: EmployerSummaryDto,
  today: string,
): CollectiveContractViewDto {
  return {
    id: r.id,
    employer,
    streetCode: r.jurisdictionCode,
    createdAt: r.createdAt.toISOString(),
    contractKind: r.contractKind,
    title: r.title,
    text: r.text,
    workersCovered: r.workersCovered,
    signedOn: r.signedOn,
    submittedOn: r.submittedOn,
    submittedLate: r.submittedLate,
    objectionDeadline: r.objectionDeadline,
    effectiveOn: r.effectiveOn,
    status: collectiveContractStatus(r, today),
    objectedOn: r.objectedOn,
    objectionOpinion: r.objectionOpinion,
  };
}
