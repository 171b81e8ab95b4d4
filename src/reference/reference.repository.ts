import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { newId } from '../common/ids';
import { findRow, findRows } from '../database/entity-rows';
import { Employer } from './entities/employer.entity';
import { Jurisdiction } from './entities/jurisdiction.entity';
import { keyArray } from '../database/key-lists';

/** All SQL of the reference module: jurisdictions and the employers register. */
@Injectable()
export class ReferenceRepository {
  async isStreet(em: EntityManager, code: string): Promise<boolean> {
    return em.exists(Jurisdiction, { where: { code, level: 'STREET' } });
  }

  names(em: EntityManager, codes: readonly string[]): Promise<{ code: string; name: string }[]> {
    return em.find(Jurisdiction, { select: { code: true, name: true }, where: { code: In([...codes]) } });
  }

  async isKnown(em: EntityManager, code: string): Promise<boolean> {
    return em.exists(Jurisdiction, { where: { code } });
  }

  listJurisdictions(em: EntityManager, parentCode?: string): Promise<Jurisdiction[]> {
    return em.find(Jurisdiction, { where: parentCode ? { parentCode } : {}, order: { code: 'ASC' } });
  }

  /** Upserts division rows (safe to run at every start). */
  async upsertJurisdictions(em: EntityManager, rows: Omit<Jurisdiction, 'createdAt'>[]): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(Jurisdiction)
      .values(rows)
      .orUpdate(['name', 'level', 'parent_code'], ['code'])
      .execute();
  }

  /** By USCC, or (without one) by normalised name among employers that have no USCC. */
  findEmployer(
    em: EntityManager,
    uscc: string | undefined,
    nameNormalised: string,
  ): Promise<Employer | null> {
    return uscc
      ? findRow(em, Employer, 'uscc = $1', [uscc])
      : findRow(em, Employer, 'name_normalised = $1 AND uscc IS NULL', [nameNormalised]);
  }

  /** Inserts unless an employer with the same USCC (or, without USCC, the same name) exists. */
  async insertEmployerIfAbsent(
    em: EntityManager,
    e: Pick<Employer, 'uscc' | 'name' | 'nameNormalised' | 'address' | 'source' | 'nameConfirmed'>,
  ): Promise<void> {
    const conflictTarget = e.uscc ? '(uscc)' : '(name_normalised) WHERE uscc IS NULL';
    await em.query(
      `INSERT INTO employers (id, uscc, name, name_normalised, address, source, name_confirmed)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ${conflictTarget} DO NOTHING`,
      [newId(), e.uscc, e.name, e.nameNormalised, e.address, e.source, e.nameConfirmed],
    );
  }

  /**
   * The register's name, confirmed: a verified source (a filing) naming an employer whose name was provisional
   * (`onlyIfProvisional`: a confirmed name stays), or staff confirming or correcting it (PUT /employers/:id/name).
   */
  async confirmName(
    em: EntityManager,
    id: string,
    name: string,
    nameNormalised: string,
    { onlyIfProvisional }: { onlyIfProvisional: boolean },
  ): Promise<void> {
    await em.query(
      `UPDATE employers SET name = $2, name_normalised = $3, name_confirmed = true
        WHERE id = $1 AND NOT (name_confirmed AND $4::boolean)`,
      [id, name, nameNormalised, onlyIfProvisional],
    );
  }

  /** Staff confirmed the employer's contact number: the one its SMS go to. */
  async confirmContactPhone(em: EntityManager, id: string, phone: string, by: string): Promise<Date> {
    const [row] = await em.query<{ at: Date }[]>(
      `WITH u AS (UPDATE employers
                     SET contact_phone = $2, contact_phone_confirmed_at = now(), contact_phone_confirmed_by = $3
                   WHERE id = $1 RETURNING contact_phone_confirmed_at AS at)
       SELECT at FROM u`,
      [id, phone, by],
    );
    return row.at;
  }

  employersByIds(em: EntityManager, ids: string[]): Promise<Employer[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const k = keyArray('uuid', [...new Set(ids)]);
    return findRows(em, Employer, `id = ANY(${k.sql})`, k.params);
  }
}
