import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrganisationsRepository } from './organisations.repository';
import type { Organisation, OrganisationKind } from './entities/organisation.entity';
import { districtOrganisations } from './organisations';
import { ReadMemo } from '../database/read-memo';

/**
 * How long a read outside a transaction (a view) trusts a public body this process read by id. Bodies are never
 * deleted (cases refer to them) and change rarely (the reference data at a start, an administrator's edit); every
 * case view names one or two, so views read them once a minute instead of every time (issue 17). An edit shows in
 * the process that made it at once, in the others' views within this time; a read inside a transaction (routing,
 * opening a proceeding) always reads the row.
 */
const ORGANISATION_TRUST_MS = 60_000;

/** The public bodies staff belong to and cases are routed to. */
@Injectable()
export class OrganisationsService {
  private readonly known = new ReadMemo<Organisation>(ORGANISATION_TRUST_MS, (o) => o.id);

  constructor(private readonly repo: OrganisationsRepository) {}

  /** Creates (or renames) the district's bodies and one mediation committee per street; safe at every start. */
  async ensureDistrict(
    em: EntityManager,
    district: { code: string; name: string },
    streets: readonly { code: string; name: string }[],
  ): Promise<number> {
    const rows = districtOrganisations(district, streets);
    await this.repo.upsertOrganisations(em, rows);
    this.known.clear();
    return rows.length;
  }

  async byId(em: EntityManager, id: string): Promise<Organisation | null> {
    return (await this.byIds(em, [id])).get(id) ?? null;
  }

  /**
   * A batch of bodies by id, keyed by id (unknown ids left out). Outside a transaction those read less than
   * ORGANISATION_TRUST_MS ago come from this process's memory (ReadMemo), the others from one query. The objects
   * are shared: callers read them, never change them.
   */
  async byIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, Organisation>> {
    return this.known.byIds(em, ids, (missing) => this.repo.findOrganisations(em, missing));
  }

  /** Drops a body this process may hold (after an edit has committed). */
  forget(id: string): void {
    this.known.forget(id);
  }

  /** The body of a kind that serves a street: its own (mediation committee) or its district's. */
  async serving(em: EntityManager, kind: OrganisationKind, streetCode: string): Promise<Organisation | null> {
    return (
      (await this.repo.findOrganisationByKind(em, kind, streetCode)) ??
      this.repo.findOrganisationByKind(em, kind, streetCode.slice(0, 6))
    );
  }
}
