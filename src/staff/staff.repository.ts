import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StaffRow } from './staff-directory';

/** All SQL of the staff module. */
@Injectable()
export class StaffRepository {
  /** The accounts of a batch of ids with their organisation, in one query (unknown ids are left out). */
  describe(em: EntityManager, ids: readonly string[]): Promise<StaffRow[]> {
    return em.query<StaffRow[]>(
      `SELECT u.id, u.username, u.display_name, u.role, u.organisation_id,
              o.name AS organisation_name, o.kind AS organisation_kind
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
