import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PiiCipher } from '../common/pii-crypto';
import { isMainlandMobile } from '../common/validation/phone';
import { AuthRepository, type AccountSummary } from './auth.repository';
import { User } from './entities/user.entity';
import type { Role } from './roles';

/** What a module does when a worker signs in with an SMS code (their phone just proven), in that transaction. */
export type WorkerSignInListener = (em: EntityManager, user: User) => Promise<void>;

/** Accounts, as other modules may use them. */
@Injectable()
export class UsersService {
  private readonly signInListeners: WorkerSignInListener[] = [];

  constructor(
    private readonly repo: AuthRepository,
    private readonly pii: PiiCipher,
  ) {}

  /** The account a sign-in name names: a worker by mobile number (its blind index), staff by username. */
  findForLogin(em: EntityManager, name: string): Promise<User | null> {
    return isMainlandMobile(name) ? this.findByPhone(em, name) : this.repo.findUserByUsername(em, name);
  }

  /** What the per-account sign-in throttle counts under: a mobile number only as its blind index. */
  throttleKey(name: string): string {
    return isMainlandMobile(name) ? this.pii.blindIndex('phone', name) : name;
  }

  /** The client address as the sign-in throttle keeps it: a keyed blind index, never the address itself. */
  clientKey(ip: string): string {
    return this.pii.blindIndex('client_ip', ip);
  }

  /** The worker account signed up with this mobile number, if any. */
  findByPhone(em: EntityManager, phone: string): Promise<User | null> {
    return this.repo.findUserByLoginPhone(em, this.pii.blindIndex('phone', phone));
  }

  /** A worker's sign-in number (decrypted); null for staff and legacy non-phone worker accounts. */
  loginPhone(user: User): string | null {
    return this.pii.decryptNullable(user.loginPhoneEnc);
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

  /** A batch of accounts as other modules name them (the staff directory); unknown ids left out. */
  summaries(em: EntityManager, ids: readonly string[]): Promise<AccountSummary[]> {
    return ids.length ? this.repo.accountsByIds(em, ids) : Promise.resolve([]);
  }

  findById(em: EntityManager, id: string): Promise<User | null> {
    return this.repo.findUserById(em, id);
  }

  /**
   * Registers a module that acts on each SMS-code sign-in of a worker (the workers module: complaints filed for
   * them become theirs to follow); auth knows it only by this function, never by import.
   */
  onWorkerSignedIn(listener: WorkerSignInListener): void {
    this.signInListeners.push(listener);
  }

  /** A worker signed in with an SMS code: every registered listener, in the sign-in's transaction. */
  async workerSignedIn(em: EntityManager, user: User): Promise<void> {
    for (const listener of this.signInListeners) await listener(em, user);
  }

  /** The worker account of a mainland mobile number, created at first SMS sign-in. */
  findOrCreateWorker(em: EntityManager, phone: string): Promise<User> {
    return this.repo.findOrCreateWorker(em, {
      loginPhoneEnc: this.pii.encrypt(phone),
      loginPhoneBidx: this.pii.blindIndex('phone', phone),
    });
  }
}
