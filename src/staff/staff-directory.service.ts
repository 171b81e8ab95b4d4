import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AccountSummary } from '../auth/auth.repository';
import { UsersService } from '../auth/users.service';
import { UUID_PATTERN } from '../common/ids';
import { ReadMemo } from '../database/read-memo';
import { OrganisationsService } from '../reference/organisations.service';
import { toStaffRef, type StaffRef } from './staff-directory';

/**
 * How long a read outside a transaction (a view) trusts an account's name, role and body this process read, as
 * OrganisationsService trusts bodies: every case view names its mediator, tribunal or timeline actors, so views
 * read them once a minute instead of every time (issue 17). What is named here is shown, never used to authorise;
 * an administrator's edit shows in the process that made it at once (`forget`), in the others within this time.
 */
const ACCOUNT_TRUST_MS = 60_000;
/** At most this many accounts are kept (timelines name workers too): the longest held go first. */
const MAX_KNOWN_ACCOUNTS = 10_000;

/**
 * Names staff everywhere a view shows one (mediator, tribunal, at-risk owner, timeline actor, inspectors):
 * `{id, displayName, role, organisation}`. Per batch of ids one call of auth's `UsersService` (the accounts) and
 * one of reference's `OrganisationsService` (their bodies); never a phone number or a username of a worker, so the
 * result may be shown to any role.
 */
@Injectable()
export class StaffDirectory {
  private readonly known = new ReadMemo<AccountSummary>(ACCOUNT_TRUST_MS, (a) => a.id, MAX_KNOWN_ACCOUNTS);

  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The accounts of the ids (nulls and unknown ids ignored), keyed by id. */
  async describe(
    em: EntityManager,
    ids: Iterable<string | null | undefined>,
  ): Promise<Map<string, StaffRef>> {
    const wanted = [...new Set([...ids].filter((id): id is string => !!id && UUID_PATTERN.test(id)))];
    if (wanted.length === 0) return new Map();
    const accounts = [
      ...(await this.known.byIds(em, wanted, (missing) => this.users.summaries(em, missing))).values(),
    ];
    const bodies = await this.organisations.byIds(
      em,
      accounts.flatMap((a) => (a.organisationId ? [a.organisationId] : [])),
    );
    return new Map(
      accounts.map((a) => {
        const o = a.organisationId ? bodies.get(a.organisationId) : undefined;
        return [a.id, toStaffRef(a, o && { id: o.id, name: o.name, kind: o.kind })];
      }),
    );
  }

  /** Drops an account this process may hold (after an edit has committed). */
  forget(id: string): void {
    this.known.forget(id);
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
