import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ArbitrationRepository } from './arbitration.repository';
import { caseNumberSequenceName, DEFAULT_CASE_NUMBER_FORMAT, formatCaseNumber } from './arbitration.rules';

/** The commission's case numbers (立案, 14.4), from a PostgreSQL sequence per commission and year. */
@Injectable()
export class ArbitrationCaseNumbers {
  constructor(private readonly repo: ArbitrationRepository) {}

  /** Creates the year's sequence; called before the accepting transaction, so no lock of it is held meanwhile. */
  prepare(em: EntityManager, commissionId: string, year: number): Promise<void> {
    return this.repo.ensureCaseNumberSequence(em, caseNumberSequenceName(commissionId, year));
  }

  /** The next number of the commission's year, in the commission's format. */
  async next(em: EntityManager, commissionId: string, year: number): Promise<string> {
    const settings = await this.repo.commission(em, commissionId);
    const n = await this.repo.nextCaseNumber(em, caseNumberSequenceName(commissionId, year));
    return formatCaseNumber(settings?.caseNumberFormat ?? DEFAULT_CASE_NUMBER_FORMAT, year, n);
  }
}
