import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UUID_PATTERN } from '../common/ids';
import { toStaffRef, type StaffRef } from './staff-directory';
import { StaffRepository } from './staff.repository';

/**
 * Names staff everywhere a view shows one (mediator, tribunal, at-risk owner, timeline actor, inspectors):
 * `{id, displayName, role, organisation}`. One query per batch of ids; never a phone number or a username of
 * a worker, so the result may be shown to any role.
 */
@Injectable()
export class StaffDirectory {
  constructor(private readonly repo: StaffRepository) {}

  /** The accounts of the ids (nulls and unknown ids ignored), keyed by id. */
  async describe(
    em: EntityManager,
    ids: Iterable<string | null | undefined>,
  ): Promise<Map<string, StaffRef>> {
    const wanted = [...new Set([...ids].filter((id): id is string => !!id && UUID_PATTERN.test(id)))];
    if (wanted.length === 0) return new Map();
    const rows = await this.repo.describe(em, wanted);
    return new Map(rows.map((r) => [r.id, toStaffRef(r)]));
  }

  /** One account, or null when the id is null or unknown. */
  async describeOne(em: EntityManager, id: string | null | undefined): Promise<StaffRef | null> {
    return (await this.describe(em, [id])).get(id ?? '') ?? null;
  }

  /** The accounts of the ids in the given order (unknown ids left out): e.g. a tribunal or inspector pair. */
  async describeList(em: EntityManager, ids: readonly (string | null | undefined)[]): Promise<StaffRef[]> {
    const byId = await this.describe(em, ids);
    return ids.flatMap((id) => (id && byId.has(id) ? [byId.get(id)!] : []));
  }
}
