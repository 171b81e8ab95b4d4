import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CredentialsService } from '../auth/credentials.service';
import type { Organisation } from '../reference/entities/organisation.entity';
import type { User } from '../auth/entities/user.entity';
import type { Principal, Role } from '../auth/roles';
import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import { MAX_PAGE_SIZE } from '../common/http/pagination';
import { newId } from '../common/ids';
import { maskPhone } from '../common/pii';
import { isUniqueViolation, TransactionRunner } from '../database/transaction';
import { AdminAuditService } from './admin-audit.service';
import { StaffAdminRepository } from './staff-admin.repository';
import { StaffDirectory } from './staff-directory.service';
import { JurisdictionsService } from '../reference/jurisdictions.service';
import { StaffCaseHolders, type CaseHandedOver } from './staff-case-holders';
import {
  assignmentProblems,
  changeEndsSessions,
  ownScopeChanged,
  unknownJurisdictionProblems,
  staffChangeCause,
  withinScope,
} from './staff.rules';

export interface NewStaff {
  username: string;
  displayName: string;
  role: Role;
  organisationId: string;
  jurisdictionCodes: string[];
  phone?: string;
}

export interface StaffPatch {
  displayName?: string;
  role?: Role;
  organisationId?: string;
  jurisdictionCodes?: string[];
  active?: boolean;
  phone?: string | null;
}

const userNotFound = () => AppException.notFound('USER_NOT_FOUND', 'No such account in your jurisdiction');

/** Staff accounts administered by an ADMIN of their district (SUPERVISOR reads). */
@Injectable()
export class StaffAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: StaffAdminRepository,
    private readonly audit: AdminAuditService,
    private readonly credentials: CredentialsService,
    private readonly directory: StaffDirectory,
    private readonly jurisdictions: JurisdictionsService,
    private readonly holders: StaffCaseHolders,
  ) {}

  async create(
    actor: Principal,
    input: NewStaff,
  ): Promise<{ id: string; username: string; temporaryPassword: string }> {
    try {
      return await this.tx.run((em) => this.createIn(em, actor, input));
    } catch (err) {
      if (isUniqueViolation(err)) throw usernameTaken(input.username);
      throw err;
    }
  }

  /** One account, in the caller's transaction (the bulk import creates many in one). */
  async createIn(
    em: EntityManager,
    actor: Principal,
    input: NewStaff,
    action: 'USER_CREATED' | 'USERS_IMPORTED' = 'USER_CREATED',
  ): Promise<{ id: string; username: string; temporaryPassword: string }> {
    const org = await this.organisationFor(em, actor, input.organisationId);
    await this.assertFits(em, input.role, org, input.jurisdictionCodes);
    if (await this.repo.usernameTaken(em, input.username)) throw usernameTaken(input.username);
    const { password, hash } = await this.credentials.newTemporary();
    const id = newId();
    await this.repo.insertUser(em, {
      id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      organisationId: org.id,
      jurisdictionCodes: input.jurisdictionCodes,
      phone: input.phone ?? null,
      passwordHash: hash,
      passwordChangeRequired: true,
    });
    await this.audit.record(em, actor, {
      action,
      targetType: 'USER',
      targetId: id,
      jurisdictionCode: org.jurisdictionCode,
      changes: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        organisationId: org.id,
        jurisdictionCodes: input.jurisdictionCodes,
        ...(input.phone ? { phone: 'SET' } : {}),
      },
    });
    return { id, username: input.username, temporaryPassword: password };
  }

  async get(viewer: Principal, id: string) {
    const em = this.tx.manager;
    const { user, org } = await this.visibleUser(em, viewer, id);
    return this.view(viewer, user, org);
  }

  async list(
    viewer: Principal,
    q: { role?: Role; street?: string; q?: string; active?: boolean; cursor?: string; limit?: number },
  ) {
    const em = this.tx.manager;
    const page = await this.repo.listUsers(em, {
      scope: viewer.jurisdictions,
      ...q,
      limit: Math.min(q.limit ?? 20, MAX_PAGE_SIZE),
    });
    const orgs = new Map<string, Organisation>();
    for (const u of page.items)
      if (u.organisationId && !orgs.has(u.organisationId)) {
        const o = await this.repo.findOrganisation(em, u.organisationId);
        if (o) orgs.set(o.id, o);
      }
    return {
      items: page.items.map((u) => this.view(viewer, u, orgs.get(u.organisationId ?? '') ?? null)),
      nextCursor: page.nextCursor,
    };
  }

  async update(actor: Principal, id: string, patch: StaffPatch) {
    const result = await this.tx.run(async (em) => {
      await this.repo.lockAdmins(em);
      const { user, org: oldOrg } = await this.visibleUser(em, actor, id, true);
      const org =
        patch.organisationId && patch.organisationId !== user.organisationId
          ? await this.organisationFor(em, actor, patch.organisationId)
          : oldOrg;
      const next = {
        displayName: patch.displayName ?? user.displayName,
        role: patch.role ?? user.role,
        organisationId: org.id,
        jurisdictionCodes: patch.jurisdictionCodes ?? user.jurisdictionCodes,
        active: patch.active ?? user.active,
        phone: patch.phone === undefined ? user.phone : patch.phone,
      };
      await this.assertFits(em, next.role, org, next.jurisdictionCodes);
      const wasActiveAdmin = user.role === 'ADMIN' && user.active;
      if (
        wasActiveAdmin &&
        (next.role !== 'ADMIN' || !next.active) &&
        (await this.repo.countActiveAdmins(em)) <= 1
      )
        throw AppException.conflict(
          'LAST_ACTIVE_ADMIN',
          'The last active ADMIN cannot be deactivated or demoted',
        );
      // Nobody widens their own powers: another administrator changes one's role, organisation or jurisdictions.
      if (id === actor.userId && ownScopeChanged(user, next))
        throw AppException.forbidden('OWN_ACCOUNT_SCOPE', 'Another administrator changes your role or scope');
      const changes: Record<string, unknown> = {};
      for (const k of Object.keys(next) as (keyof typeof next)[])
        if (JSON.stringify(next[k]) !== JSON.stringify(user[k]))
          changes[k] = k === 'phone' ? (next.phone ? 'SET' : 'CLEARED') : next[k];
      let casesHandedOver: CaseHandedOver[] = [];
      if (Object.keys(changes).length > 0) {
        await this.repo.updateUser(em, id, next);
        if (changeEndsSessions(user, next)) await this.credentials.endSessions(em, id);
        // No open case stays with someone who can no longer act on it: each proceeding hands it over, on its timeline.
        const cause = staffChangeCause(user, next);
        if (cause) casesHandedOver = await this.holders.handOver(em, { actor, userId: id, cause });
        await this.audit.record(em, actor, {
          action: 'USER_UPDATED',
          targetType: 'USER',
          targetId: id,
          jurisdictionCode: org.jurisdictionCode,
          changes: casesHandedOver.length ? { ...changes, casesHandedOver } : changes,
        });
      }
      return { ...this.view(actor, { ...user, ...next }, org), casesHandedOver };
    });
    // Role, scope or deactivation: this process stops trusting its cached view of the account now, and names it
    // anew in the next view.
    this.credentials.forget(id);
    this.directory.forget(id);
    return result;
  }

  async resetPassword(actor: Principal, id: string): Promise<{ temporaryPassword: string }> {
    return this.tx.run(async (em) => {
      const { org } = await this.visibleUser(em, actor, id, true);
      const temporaryPassword = await this.credentials.setTemporary(em, id);
      await this.audit.record(em, actor, {
        action: 'USER_PASSWORD_RESET',
        targetType: 'USER',
        targetId: id,
        jurisdictionCode: org.jurisdictionCode,
      });
      return { temporaryPassword };
    });
  }

  /** A staff account of an organisation in the caller's jurisdiction, or 404. */
  private async visibleUser(em: EntityManager, viewer: Principal, id: string, lock = false) {
    const user = await this.repo.findUser(em, id, lock);
    if (!user || user.role === 'WORKER' || !user.organisationId) throw userNotFound();
    const org = await this.repo.findOrganisation(em, user.organisationId);
    if (!org || !withinScope(viewer, org.jurisdictionCode)) throw userNotFound();
    return { user, org };
  }

  /** An organisation in the caller's jurisdiction, or 400 naming the field. */
  private async organisationFor(em: EntityManager, actor: Principal, id: string): Promise<Organisation> {
    const org = await this.repo.findOrganisation(em, id);
    if (!org || !withinScope(actor, org.jurisdictionCode))
      throw AppException.validation([
        fieldError(
          'organisationId',
          'jurisdiction',
          '您的管辖范围内没有该机构',
          'no such organisation in your jurisdiction',
        ),
      ]);
    return org;
  }

  /** What is wrong with giving an account this role, organisation and jurisdictions (empty = fits). */
  async assignmentProblemsIn(
    em: EntityManager,
    role: Role,
    org: Organisation,
    codes: readonly string[],
  ): Promise<FieldError[]> {
    const problems = assignmentProblems(role, org, codes);
    if (problems.length > 0) return problems;
    const known = new Set((await this.jurisdictions.names(em, codes)).map((j) => j.code));
    return unknownJurisdictionProblems(codes.filter((c) => !known.has(c)));
  }

  private async assertFits(em: EntityManager, role: Role, org: Organisation, codes: readonly string[]) {
    const problems = await this.assignmentProblemsIn(em, role, org, codes);
    if (problems.length > 0) throw AppException.validation(problems);
  }

  private view(
    viewer: Principal,
    u: Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'jurisdictionCodes' | 'active' | 'phone'> &
      Partial<Pick<User, 'passwordChangeRequired' | 'createdAt'>>,
    org: Organisation | null,
  ) {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      organisation: org
        ? { id: org.id, name: org.name, kind: org.kind, jurisdictionCode: org.jurisdictionCode }
        : null,
      jurisdictionCodes: u.jurisdictionCodes,
      // Only an admin needs the number; a supervisor sees it masked.
      phone: viewer.role === 'ADMIN' ? u.phone : maskPhone(u.phone),
      active: u.active,
      passwordChangeRequired: u.passwordChangeRequired ?? false,
      createdAt: u.createdAt?.toISOString() ?? null,
    };
  }
}

function usernameTaken(username: string): AppException {
  return AppException.conflict('USERNAME_TAKEN', `The username ${username} is already taken`, [
    fieldError('username', 'unique', '该用户名已被使用', 'is already taken'),
  ]);
}
