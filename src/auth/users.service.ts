import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthRepository } from './auth.repository';
import { User } from './entities/user.entity';
import type { Role } from './roles';

/** Accounts, as other modules may use them. */
@Injectable()
export class UsersService {
  constructor(private readonly repo: AuthRepository) {}

  findByUsername(em: EntityManager, username: string): Promise<User | null> {
    return this.repo.findUserByUsername(em, username);
  }

  /** Ids of active staff of a role whose jurisdictions cover the street (e.g. mediators who may take a case). */
  async staffCovering(em: EntityManager, role: Role, streetCode: string): Promise<string[]> {
    return (await this.repo.staffCovering(em, role, streetCode)).map((r) => r.id);
  }

  /** Ids of active staff of a role in an organisation; with a street, only those whose scope covers it. */
  async staffOfOrganisation(
    em: EntityManager,
    role: Role,
    organisationId: string,
    streetCode: string | null = null,
  ): Promise<string[]> {
    return (await this.repo.staffOfOrganisation(em, role, organisationId, streetCode)).map((r) => r.id);
  }

  /** Active staff of a role with their jurisdiction scopes, ordered by id (e.g. the 双随机 inspector pool). */
  activeOfRole(em: EntityManager, role: Role): Promise<{ id: string; jurisdictions: string[] }[]> {
    return this.repo.activeOfRole(em, role);
  }

  findById(em: EntityManager, id: string): Promise<User | null> {
    return this.repo.findUserById(em, id);
  }

  /** The worker account of a mainland mobile number, created at first SMS sign-in. */
  findOrCreateWorker(em: EntityManager, phone: string): Promise<User> {
    return this.repo.findOrCreateWorker(em, phone);
  }
}
