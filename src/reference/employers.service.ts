import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Employer } from './entities/employer.entity';
import { ReferenceRepository } from './reference.repository';

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
  constructor(private readonly repo: ReferenceRepository) {}

  /**
   * Finds the employer by USCC, or (without USCC) by normalised name among employers without USCC; creates it
   * if absent. Concurrent calls converge on one row (ON CONFLICT on the unique indexes).
   */
  async findOrCreate(em: EntityManager, input: EmployerInput): Promise<Employer> {
    const nameNormalised = normaliseEmployerName(input.name);
    const existing = await this.repo.findEmployer(em, input.uscc, nameNormalised);
    if (existing) return existing;
    await this.repo.insertEmployerIfAbsent(em, {
      uscc: input.uscc ?? null,
      name: input.name.trim(),
      nameNormalised,
      address: input.address?.trim() || null,
      source: 'COMPLAINT',
    });
    return (await this.repo.findEmployer(em, input.uscc, nameNormalised))!;
  }

  async byIds(em: EntityManager, ids: string[]): Promise<Map<string, Employer>> {
    return new Map((await this.repo.employersByIds(em, ids)).map((e) => [e.id, e]));
  }
}
