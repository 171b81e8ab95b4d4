import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Organisation, type OrganisationKind } from './entities/organisation.entity';

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

  findOrganisation(em: EntityManager, id: string): Promise<Organisation | null> {
    return em.findOne(Organisation, { where: { id } });
  }

  findOrganisations(em: EntityManager, ids: readonly string[]): Promise<Organisation[]> {
    return ids.length ? em.find(Organisation, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  findOrganisationByKind(
    em: EntityManager,
    kind: OrganisationKind,
    jurisdictionCode: string,
  ): Promise<Organisation | null> {
    return em.findOne(Organisation, { where: { kind, jurisdictionCode } });
  }
}
