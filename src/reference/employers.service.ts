import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { newId } from '../common/ids';
import { Employer } from './entities/employer.entity';

export interface EmployerInput {
  name: string;
  uscc?: string;
  address?: string;
}

/** Whitespace and full-width forms folded, so "上海某某 有限公司" and "上海某某有限公司" are one employer. */
export function normaliseEmployerName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase();
}

/** The employers register. Unknown employers named in complaints are created on the fly. */
@Injectable()
export class EmployersService {
  /**
   * Finds the employer by USCC, or (without USCC) by normalised name among employers without USCC; creates it
   * if absent. Concurrent calls converge on one row (ON CONFLICT on the unique indexes).
   */
  async findOrCreate(em: EntityManager, input: EmployerInput): Promise<Employer> {
    const nameNormalised = normaliseEmployerName(input.name);
    const existing = await this.find(em, input.uscc, nameNormalised);
    if (existing) return existing;
    const conflictTarget = input.uscc ? '(uscc)' : '(name_normalised) WHERE uscc IS NULL';
    await em.query(
      `INSERT INTO employers (id, uscc, name, name_normalised, address, source)
       VALUES ($1, $2, $3, $4, $5, 'COMPLAINT') ON CONFLICT ${conflictTarget} DO NOTHING`,
      [newId(), input.uscc ?? null, input.name.trim(), nameNormalised, input.address?.trim() || null],
    );
    return (await this.find(em, input.uscc, nameNormalised))!;
  }

  async byIds(em: EntityManager, ids: string[]): Promise<Map<string, Employer>> {
    const rows = ids.length ? await em.find(Employer, { where: { id: In([...new Set(ids)]) } }) : [];
    return new Map(rows.map((e) => [e.id, e]));
  }

  private find(
    em: EntityManager,
    uscc: string | undefined,
    nameNormalised: string,
  ): Promise<Employer | null> {
    return uscc
      ? em.findOne(Employer, { where: { uscc } })
      : em
          .createQueryBuilder(Employer, 'e')
          .where('e.name_normalised = :n AND e.uscc IS NULL', { n: nameNormalised })
          .getOne();
  }
}
