import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JurisdictionsService } from '../reference/jurisdictions.service';
import { MediationCaseNumberFormat } from './entities/mediation-case-number.entity';
import { formatForStreet, formatMediationCaseNumber } from './mediation-case-number.rules';

/** SQL of mediation case numbers: the counter row and the configured formats. */
@Injectable()
export class MediationCaseNumberRepository {
  /** The next number of a committee in a year; the counter row stays locked until the caller's commit. */
  async next(em: EntityManager, organisationId: string, year: number): Promise<number> {
    const [row] = await em.query<{ n: number }[]>(
      `INSERT INTO mediation_case_counters (organisation_id, year, last_n) VALUES ($1, $2, 1)
       ON CONFLICT (organisation_id, year) DO UPDATE SET last_n = mediation_case_counters.last_n + 1
       RETURNING last_n AS n`,
      [organisationId, year],
    );
    return Number(row.n);
  }

  formats(em: EntityManager): Promise<MediationCaseNumberFormat[]> {
    return em.find(MediationCaseNumberFormat);
  }
}

/** Gives a new mediation its committee's case number (调字) inside the opening transaction. */
@Injectable()
export class MediationCaseNumbers {
  constructor(
    private readonly repo: MediationCaseNumberRepository,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  async assign(
    em: EntityManager,
    c: { organisationId: string; streetCode: string; openedOn: string },
  ): Promise<string> {
    const year = Number(c.openedOn.slice(0, 4));
    const format = formatForStreet(await this.repo.formats(em), c.streetCode);
    // The street's name from the reference data (an unknown code stands for itself).
    const [known] = await this.jurisdictions.names(em, [c.streetCode]);
    const street = known?.name ?? c.streetCode;
    return formatMediationCaseNumber(format, street, year, await this.repo.next(em, c.organisationId, year));
  }
}
