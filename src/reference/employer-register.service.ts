import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import { MAX_PAGE_SIZE } from '../common/http/pagination';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import type {
  EmployerRegisterQuery,
  EmployerRegisterRowDto,
  RegisteredEmployerDto,
  RegisteredEmployerPageDto,
  RegisterEmployersResultDto,
} from './dto/employer-register.dto';
import { EmployerRegisterRepository, type RegisterFilters } from './employer-register.repository';
import { EmployersService, normaliseEmployerName } from './employers.service';
import type { Employer } from './entities/employer.entity';

export type { RegisterFilters };

function view(e: Employer): RegisteredEmployerDto {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    nameConfirmed: e.nameConfirmed,
    streetCode: e.streetCode,
    industryCode: e.industryCode,
    sizeClass: e.sizeClass,
    headcount: e.headcount,
    address: e.address,
  };
}

/**
 * The employers register (the 检查对象名录库 of 双随机一公开): staff register employers with their street, industry
 * and size, in bulk; lists and draws select from it. Staff only see and change employers of their jurisdictions.
 */
@Injectable()
export class EmployerRegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: EmployerRegisterRepository,
    private readonly employers: EmployersService,
  ) {}

  /** All rows or none: any invalid row is a 400 naming `employers.<row>.<field>`. */
  async register(user: Principal, rows: EmployerRegisterRowDto[]): Promise<RegisterEmployersResultDto> {
    const result = await this.tx.run(async (em) => {
      const errors: FieldError[] = [];
      const field = (i: number, f: string, constraint: string, zh: string, en: string) =>
        errors.push(fieldError(`employers.${i}.${f}`, constraint, zh, en));
      const known = await this.repo.knownStreets(
        em,
        rows.map((r) => r.streetCode),
      );
      const seen = new Map<string, number>();
      rows.forEach((r, i) => {
        if (seen.has(r.uscc))
          field(
            i,
            'uscc',
            'unique',
            `uscc 与第 ${seen.get(r.uscc)} 行重复`,
            `uscc repeats row ${seen.get(r.uscc)}`,
          );
        seen.set(r.uscc, i);
        if (!known.has(r.streetCode))
          field(
            i,
            'streetCode',
            'exists',
            'streetCode 不是已知的街道或乡镇',
            'streetCode is not a known street/town',
          );
        else if (!coversJurisdiction(user, r.streetCode))
          field(
            i,
            'streetCode',
            'jurisdiction',
            'streetCode 不在您的管辖范围内',
            'streetCode is outside your jurisdiction',
          );
      });
      const existing = await this.repo.existingByUscc(
        em,
        rows.map((r) => r.uscc),
      );
      for (const e of existing)
        if (e.streetCode && !coversJurisdiction(user, e.streetCode))
          field(
            seen.get(e.uscc)!,
            'uscc',
            'jurisdiction',
            '该用人单位登记在您的管辖范围之外',
            'this employer is registered outside your jurisdiction',
          );
      if (errors.length) throw AppException.validation(errors);

      const result = await this.repo.upsert(
        em,
        rows.map((r) => ({
          id: newId(),
          uscc: r.uscc,
          name: r.name,
          nameNormalised: normaliseEmployerName(r.name),
          address: r.address || null,
          streetCode: r.streetCode,
          industryCode: r.industryCode,
          sizeClass: r.sizeClass,
          headcount: r.headcount,
        })),
      );
      const byUscc = new Map(result.map((r) => [r.uscc, r.id]));
      const created = result.filter((r) => r.inserted).length;
      return { created, updated: result.length - created, ids: rows.map((r) => byUscc.get(r.uscc)!) };
    });
    // Renamed or reclassified: this process's views read them again (the others' within their trust).
    this.employers.forget(result.ids);
    return result;
  }

  async list(user: Principal, q: EmployerRegisterQuery): Promise<RegisteredEmployerPageDto> {
    const em = this.tx.manager;
    if (q.street) await this.assertStreets(em, [q.street], () => 'street');
    const page = await this.repo.page(
      em,
      {
        streets: q.street ? [q.street] : [],
        industries: q.industry ? [q.industry] : [],
        sizes: q.size ? [q.size] : [],
      },
      user.jurisdictions,
      q.cursor,
      Math.min(q.limit ?? 20, MAX_PAGE_SIZE),
    );
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  /** 400 naming each code that is not a street/town (`fieldOf(index)` names the field). */
  async assertStreets(
    em: EntityManager,
    codes: readonly string[],
    fieldOf: (i: number) => string,
  ): Promise<void> {
    const known = await this.repo.knownStreets(em, codes);
    const errors = codes.flatMap((c, i) =>
      known.has(c)
        ? []
        : [fieldError(fieldOf(i), 'exists', `${c} 不是已知的街道或乡镇`, `${c} is not a known street/town`)],
    );
    if (errors.length) throw AppException.validation(errors);
  }

  /** Ids and streets (ordered by id) of the registered employers matching the filters within the scope. */
  matching(
    em: EntityManager,
    filters: RegisterFilters,
    scope: readonly string[],
  ): Promise<{ id: string; streetCode: string }[]> {
    return this.repo.matching(em, filters, scope);
  }
}
