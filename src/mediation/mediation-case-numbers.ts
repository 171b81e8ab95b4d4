import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MediationCaseNumberFormat } from './entities/mediation-case-number.entity';
import { formatForStreet, formatMediationCaseNumber } from './mediation-case-number.rules';

/** SQL of mediation case numbers: the counter row, the configured formats, the street's name. */
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

  async streetName(em: EntityManager, code: string): Promise<string> {
    const [row] = await em.query<{ name: string }[]>(`SELECT name FROM jurisdictions WHERE code = $1`, [
      code,
    ]);
    return row?.name ?? code;
  }
}

/** Gives a new mediation its committee's case number (调字) inside the opening transaction. */
@Injectable()
export class MediationCaseNumbers {
  constructor(private readonly repo: MediationCaseNumberRepository) {}

  async assign(
    em: EntityManager,
    c: { organisationId: string; streetCode: string; openedOn: string },
  ): Promise<string> {
    const year = Number(c.openedOn.slice(0, 4));
    const format = formatForStreet(await this.repo.formats(em), c.streetCode);
    const street = await this.repo.streetName(em, c.streetCode);
    return formatMediationCaseNumber(format, street, year, await this.repo.next(em, c.organisationId, year));
  }
}
