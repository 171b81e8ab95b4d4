import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Organisation, type OrganisationKind } from './entities/organisation.entity';
import { findRow, findRows } from '../database/entity-rows';
import { keyArray } from '../database/key-lists';

/** All SQL of the public bodies (organisations). */
@Injectable()
export class OrganisationsRepository {
  /** Upserts public bodies by their deterministic ids (names follow the reference data). */
  async upsertOrganisations(em: EntityManager, rows: Omit<Organisation, 'createdAt'>[]): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(Organisation)
      .values(rows)
      .orUpdate(['name', 'kind', 'jurisdiction_code'], ['id'])
      .execute();
  }

  findOrganisations(em: EntityManager, ids: readonly string[]): Promise<Organisation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const k = keyArray('uuid', ids);
    return findRows(em, Organisation, `id = ANY(${k.sql})`, k.params);
  }

  findOrganisationByKind(
    em: EntityManager,
    kind: OrganisationKind,
    jurisdictionCode: string,
  ): Promise<Organisation | null> {
    return findRow(em, Organisation, 'kind = $1 AND jurisdiction_code = $2 LIMIT 1', [
      kind,
      jurisdictionCode,
    ]);
  }
}
