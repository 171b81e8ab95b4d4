import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrganisationsRepository } from './organisations.repository';
import type { Organisation, OrganisationKind } from './entities/organisation.entity';
import { districtOrganisations } from './organisations';

/** The public bodies staff belong to and cases are routed to. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly repo: OrganisationsRepository) {}

  /** Creates (or renames) the district's bodies and one mediation committee per street; safe at every start. */
  async ensureDistrict(
    em: EntityManager,
    district: { code: string; name: string },
    streets: readonly { code: string; name: string }[],
  ): Promise<number> {
    const rows = districtOrganisations(district, streets);
    await this.repo.upsertOrganisations(em, rows);
    return rows.length;
  }

  byId(em: EntityManager, id: string): Promise<Organisation | null> {
    return this.repo.findOrganisation(em, id);
  }

  /** A batch of bodies by id, keyed by id (unknown ids left out). */
  async byIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, Organisation>> {
    return new Map((await this.repo.findOrganisations(em, [...new Set(ids)])).map((o) => [o.id, o]));
  }

  /** The body of a kind that serves a street: its own (mediation committee) or its district's. */
  async serving(em: EntityManager, kind: OrganisationKind, streetCode: string): Promise<Organisation | null> {
    return (
      (await this.repo.findOrganisationByKind(em, kind, streetCode)) ??
      this.repo.findOrganisationByKind(em, kind, streetCode.slice(0, 6))
    );
  }
}
