import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import type { Employer } from '../reference/entities/employer.entity';
import { EmployersService } from '../reference/employers.service';
import { JurisdictionsService } from '../reference/jurisdictions.service';
import type { EmployerSummaryDto, FilingEmployerDto } from './dto/filings.dto';

/**
 * What every filing kind shares: the street it belongs to must be a street in the filer's scope, the employer is
 * found or created in the register by USCC, and a filing outside the viewer's scope does not exist for them (404).
 */
@Injectable()
export class FilingScope {
  constructor(
    private readonly employers: EmployersService,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  /** Checks the street (400 unknown, 403 outside scope) and resolves the employer; call inside the transaction. */
  async forNewFiling(
    em: EntityManager,
    filer: Principal,
    streetCode: string,
    employer: FilingEmployerDto,
  ): Promise<Employer> {
    if (!(await this.jurisdictions.isStreet(streetCode, em)))
      throw AppException.validation([
        fieldError(
          'streetCode',
          'exists',
          'streetCode 不是已知的街道或乡镇',
          'streetCode is not a known street or town',
        ),
      ]);
    if (!coversJurisdiction(filer, streetCode))
      throw AppException.forbidden('OUTSIDE_JURISDICTION', 'The street is outside your jurisdiction');
    return this.employers.findOrCreate(em, {
      uscc: employer.uscc,
      name: employer.name,
      address: employer.address,
      source: 'FILING',
    });
  }

  /** The row if the viewer's scope covers it, else the given 404. */
  visible<T extends { jurisdictionCode: string }>(
    viewer: Principal,
    row: T | null,
    notFound: () => AppException,
  ): T {
    if (!row || !coversJurisdiction(viewer, row.jurisdictionCode)) throw notFound();
    return row;
  }

  /** The viewer's valid jurisdiction prefixes (an empty scope sees nothing). */
  prefixes(viewer: Principal): string[] {
    return viewer.jurisdictions.filter((j) => /^\d{2,12}$/.test(j));
  }

  async employerSummaries(em: EntityManager, ids: string[]): Promise<Map<string, EmployerSummaryDto>> {
    const byId = await this.employers.byIds(em, ids);
    return new Map([...byId].map(([id, e]) => [id, { id, name: e.name, uscc: e.uscc }]));
  }

  /** Views of rows with their employer summaries, in one employer lookup. */
  async withEmployers<R extends { employerId: string }, V>(
    em: EntityManager,
    rows: R[],
    view: (row: R, employer: EmployerSummaryDto) => V,
  ): Promise<V[]> {
    const employers = await this.employerSummaries(
      em,
      rows.map((r) => r.employerId),
    );
    return rows.map((r) =>
      view(r, employers.get(r.employerId) ?? { id: r.employerId, name: '', uscc: null }),
    );
  }
}
