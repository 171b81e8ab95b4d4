import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, xactLock } from '../database/locks';
import { User } from '../auth/entities/user.entity';
import { Organisation } from '../reference/entities/organisation.entity';
import type { Page } from '../common/http/pagination';
import { keysetPage } from '../database/query-helpers';
import { AdminAuditEvent } from './entities/admin-audit-event.entity';

export interface UserFilter {
  /** Organisations' jurisdiction prefixes the caller covers. */
  scope: readonly string[];
  role?: string;
  street?: string;
  q?: string;
  active?: boolean;
  cursor?: string;
  limit: number;
}

/** SQL of staff administration: accounts, organisations and the admin audit trail. */
@Injectable()
export class StaffAdminRepository {
  findUser(em: EntityManager, id: string, lock = false): Promise<User | null> {
    return em.findOne(User, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  usernameTaken(em: EntityManager, username: string): Promise<boolean> {
    return em.exists(User, { where: { username } });
  }

  async insertUser(
    em: EntityManager,
    row: Partial<User> & Pick<User, 'id' | 'username' | 'role'>,
  ): Promise<void> {
    await em.insert(User, row);
  }

  async updateUser(em: EntityManager, id: string, patch: Partial<User>): Promise<void> {
    await em.update(User, { id }, patch);
  }

  /** Staff accounts (not workers) of organisations in scope, newest first, keyset paged. */
  listUsers(em: EntityManager, f: UserFilter): Promise<Page<User>> {
    const qb = em
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(Organisation, 'o', 'o.id = u.organisation_id')
      .where(`u.role <> 'WORKER'`)
      .andWhere(
        `EXISTS (SELECT 1 FROM unnest(CAST(:scope AS text[])) s WHERE s ~ '^\\d{2,12}$' AND o.jurisdiction_code LIKE s || '%')`,
        { scope: f.scope },
      );
    if (f.role) qb.andWhere('u.role = :role', { role: f.role });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active });
    if (f.street)
      qb.andWhere(`EXISTS (SELECT 1 FROM unnest(u.jurisdiction_codes) j WHERE :street LIKE j || '%')`, {
        street: f.street,
      });
    if (f.q)
      qb.andWhere(`(u.username ILIKE :q OR u.display_name ILIKE :q)`, {
        q: `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    return keysetPage(em, qb, 'u', f.cursor, f.limit);
  }

  /** Serialises changes that could remove the last active admin. */
  async lockAdmins(em: EntityManager): Promise<void> {
    await xactLock(em, LOCKS.activeAdmins);
  }

  countActiveAdmins(em: EntityManager): Promise<number> {
    return em.count(User, { where: { role: 'ADMIN', active: true } });
  }

  findOrganisation(em: EntityManager, id: string): Promise<Organisation | null> {
    return em.findOne(Organisation, { where: { id } });
  }

  organisationsIn(em: EntityManager, scope: readonly string[]): Promise<Organisation[]> {
    return em
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where(
        `EXISTS (SELECT 1 FROM unnest(CAST(:scope AS text[])) s WHERE s ~ '^\\d{2,12}$' AND o.jurisdiction_code LIKE s || '%')`,
        { scope },
      )
      .orderBy('o.jurisdiction_code')
      .addOrderBy('o.kind')
      .addOrderBy('o.name')
      .getMany();
  }

  async insertOrganisation(em: EntityManager, row: Omit<Organisation, 'createdAt'>): Promise<void> {
    await em.insert(Organisation, row);
  }

  async updateOrganisation(em: EntityManager, id: string, patch: Partial<Organisation>): Promise<void> {
    await em.update(Organisation, { id }, patch);
  }

  /** Accounts of an organisation whose jurisdictions a new organisation jurisdiction would no longer cover. */
  membersOutside(em: EntityManager, organisationId: string, code: string): Promise<number> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.organisation_id = :organisationId', { organisationId })
      .andWhere(`EXISTS (SELECT 1 FROM unnest(u.jurisdiction_codes) j WHERE j NOT LIKE :code || '%')`, {
        code,
      })
      .getCount();
  }

  membersOfOtherRole(em: EntityManager, organisationId: string, roles: readonly string[]): Promise<number> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.organisation_id = :organisationId', { organisationId })
      .andWhere('u.role <> ALL(:roles)', { roles })
      .getCount();
  }

  async insertAudit(em: EntityManager, row: Omit<AdminAuditEvent, 'createdAt'>): Promise<void> {
    await em.query(
      `INSERT INTO admin_audit_events (id, actor_user_id, action, target_type, target_id, jurisdiction_code, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        row.id,
        row.actorUserId,
        row.action,
        row.targetType,
        row.targetId,
        row.jurisdictionCode,
        JSON.stringify(row.changes),
      ],
    );
  }

  /** The trail of the caller's jurisdictions, newest first, keyset paged over (created_at, id). */
  listAudit(
    em: EntityManager,
    f: {
      scope: readonly string[];
      actor?: string;
      target?: string;
      from?: Date;
      to?: Date;
      cursor?: string;
      limit: number;
    },
  ): Promise<Page<AdminAuditEvent>> {
    const qb = em
      .getRepository(AdminAuditEvent)
      .createQueryBuilder('a')
      .where(
        `EXISTS (SELECT 1 FROM unnest(CAST(:scope AS text[])) s WHERE s ~ '^\\d{2,12}$' AND a.jurisdiction_code LIKE s || '%')`,
        { scope: f.scope },
      );
    if (f.actor) qb.andWhere('a.actor_user_id = :actor', { actor: f.actor });
    if (f.target) qb.andWhere('a.target_id = :target', { target: f.target });
    if (f.from) qb.andWhere('a.created_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.created_at < :to', { to: f.to });
    return keysetPage(em, qb, 'a', f.cursor, f.limit);
  }
}
