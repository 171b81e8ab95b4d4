import { Injectable } from '@nestjs/common';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { compareDates, todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { isUniqueViolation, TransactionRunner } from '../database/transaction';
import { JurisdictionsService } from '../reference/jurisdictions.service';
import type {
  CreateHarmoniousEnterpriseDto,
  EmployerSummaryDto,
  HarmoniousEnterpriseViewDto,
  HarmoniousKpiDto,
  HarmoniousPageDto,
  HarmoniousQueryDto,
  RevokeHarmoniousEnterpriseDto,
} from './dto/filings.dto';
import { HarmoniousEnterprise } from './entities';
import { FilingScope } from './filing-scope';
import { FilingsRepository } from './filings.repository';
import { HARMONIOUS_RULES, harmoniousEntryErrors, onRegister } from './filings.rules';

const notFound = () => AppException.notFound('HARMONIOUS_ENTRY_NOT_FOUND', 'No such register entry');

/** The register of harmonious-labor-relations enterprises (和谐劳动关系企业) and its KPI count (target ≥ 1,200). */
@Injectable()
export class HarmoniousRegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: FilingsRepository,
    private readonly scope: FilingScope,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  async register(
    registrar: Principal,
    dto: CreateHarmoniousEnterpriseDto,
  ): Promise<HarmoniousEnterpriseViewDto> {
    const today = todayInShanghai();
    const errors = harmoniousEntryErrors(dto, today);
    if (errors.length) throw AppException.validation(errors);
    const id = await this.tx.run(async (em) => {
      const employer = await this.scope.forNewFiling(em, registrar, dto.streetCode, dto.employer);
      const row: HarmoniousEnterprise = {
        id: newId(),
        employerId: employer.id,
        jurisdictionCode: dto.streetCode,
        year: dto.year,
        level: dto.level,
        recognisedOn: dto.recognisedOn,
        validUntil: dto.validUntil,
        revokedOn: null,
        revocationReason: null,
        registeredByUserId: registrar.userId,
        createdAt: new Date(),
      };
      try {
        await this.repo.insert(em, HarmoniousEnterprise, row);
      } catch (err) {
        if (isUniqueViolation(err, 'uq_harmonious_enterprises_employer_level_year'))
          throw AppException.conflict(
            'ALREADY_REGISTERED',
            'The employer is already registered at this level for this year',
          );
        throw err;
      }
      return row.id;
    });
    return this.get(registrar, id);
  }

  /** Strikes an entry off the register from `revokedOn` (e.g. after a major violation). */
  async revoke(
    registrar: Principal,
    id: string,
    dto: RevokeHarmoniousEnterpriseDto,
  ): Promise<HarmoniousEnterpriseViewDto> {
    const today = todayInShanghai();
    const revokedOn = dto.revokedOn ?? today;
    await this.tx.run(async (em) => {
      const e = this.scope.visible(
        registrar,
        await this.repo.lockById(em, HarmoniousEnterprise, id),
        notFound,
      );
      if (e.revokedOn !== null)
        throw AppException.conflict('ALREADY_REVOKED', 'The entry was already revoked');
      if (compareDates(revokedOn, today) > 0 || compareDates(revokedOn, e.recognisedOn) < 0)
        throw AppException.validation([
          fieldError(
            'revokedOn',
            'dateRange',
            'revokedOn 须在 recognisedOn 与今天之间',
            'revokedOn must be between recognisedOn and today',
          ),
        ]);
      await this.repo.revokeHarmonious(em, e.id, revokedOn, dto.reason);
    });
    return this.get(registrar, id);
  }

  async get(viewer: Principal, id: string): Promise<HarmoniousEnterpriseViewDto> {
    const em = this.tx.manager;
    const row = this.scope.visible(viewer, await this.repo.findById(em, HarmoniousEnterprise, id), notFound);
    const today = todayInShanghai();
    return (await this.scope.withEmployers(em, [row], (r, e) => entryView(r, e, today)))[0];
  }

  async list(viewer: Principal, q: HarmoniousQueryDto): Promise<HarmoniousPageDto> {
    const em = this.tx.manager;
    const today = todayInShanghai();
    const equals: Record<string, string | number> = {};
    if (q.year !== undefined) equals.year = q.year;
    if (q.level) equals.level = q.level;
    const page = await this.repo.list(
      em,
      HarmoniousEnterprise,
      this.scope.prefixes(viewer),
      { ...q, equals },
      q,
    );
    return {
      items: await this.scope.withEmployers(em, page.items, (r, e) => entryView(r, e, today)),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Enterprises on the register on `asOf`, each counted once, per street of the viewer's scope and per district
   * the scope covers entirely (a district row against the 1,200 target; a street's staff get their street only).
   */
  async kpi(viewer: Principal, asOf: string = todayInShanghai()): Promise<HarmoniousKpiDto> {
    const em = this.tx.manager;
    const prefixes = this.scope.prefixes(viewer);
    const counts = await this.repo.registerCounts(em, prefixes, asOf);
    const districtCodes = new Set([...counts.districts.keys(), ...prefixes.filter((p) => p.length === 6)]);
    const target = HARMONIOUS_RULES.KPI_TARGET;
    const names = new Map((await this.jurisdictions.list()).map((j) => [j.code, j.name]));
    const districts = [...districtCodes]
      .filter((d) => coversJurisdiction(viewer, d))
      .sort()
      .map((code) => {
        const count = counts.districts.get(code) ?? 0;
        return {
          code,
          name: names.get(code) ?? null,
          count,
          target,
          met: count >= target,
          shortfall: Math.max(0, target - count),
        };
      });
    const streets = [...counts.streets.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, count]) => ({ code, name: names.get(code) ?? null, count }));
    return { asOf, target, districts, streets };
  }
}

function entryView(
  r: HarmoniousEnterprise,
  employer: EmployerSummaryDto,
  today: string,
): HarmoniousEnterpriseViewDto {
  return {
    id: r.id,
    employer,
    streetCode: r.jurisdictionCode,
    createdAt: r.createdAt.toISOString(),
    year: r.year,
    level: r.level,
    recognisedOn: r.recognisedOn,
    validUntil: r.validUntil,
    revokedOn: r.revokedOn,
    revocationReason: r.revocationReason,
    onRegister: onRegister(r, today),
  };
}
