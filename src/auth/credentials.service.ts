import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppException, fieldError } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { passwordProblems } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import type { Principal } from './roles';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { TokensService, type TokenPair } from './tokens.service';
import { UsersService } from './users.service';

/** No 0/O, 1/l/I: a temporary password is read out or copied by hand. */
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random temporary password: 14 characters of a 55-symbol alphabet (≈ 81 bits). */
export function temporaryPassword(): string {
  return Array.from({ length: 14 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('');
}

/** Passwords: a person's own change (strength rules) and an admin's temporary one. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: SessionRepository,
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Replaces the caller's password. Every other session of the account ends (session version raised, refresh
   * tokens revoked); the caller gets a fresh token pair.
   */
  async change(principal: Principal, currentPassword: string, newPassword: string): Promise<TokenPair> {
    const pair = await this.tx.run(async (em) => {
      const user = await this.users.findById(em, principal.userId);
      if (!user?.active) throw AppException.unauthorized();
      if (!(await verifyPassword(user.passwordHash, currentPassword)))
        throw AppException.badRequest('CURRENT_PASSWORD_WRONG', 'The current password is wrong', [
          fieldError('currentPassword', 'matchesCurrent', '当前密码不正确', 'is wrong'),
        ]);
      const problems = passwordProblems(newPassword, this.users.loginPhone(user) ?? user.username);
      if (newPassword === currentPassword)
        problems.push({
          rule: 'REUSED',
          zh: '不能与当前密码相同',
          message: 'must differ from the current password',
        });
      if (problems.length > 0)
        throw AppException.badRequest(
          'WEAK_PASSWORD',
          `The new password ${problems.map((p) => p.message).join('; ')}`,
          problems.map((p) =>
            fieldError('newPassword', 'passwordPolicy', `新密码${p.zh}`, p.message, { rule: p.rule }),
          ),
        );
      user.sessionVersion = await this.repo.setPassword(em, user.id, await hashPassword(newPassword), false);
      user.passwordChangeRequired = false;
      await this.repo.revokeAllRefreshTokens(em, user.id);
      return this.tokens.issue(em, user);
    });
    this.sessions.forget(principal.userId);
    return pair;
  }

  /** An admin's reset: a new temporary password (returned once) that must be changed at the next sign-in. */
  async setTemporary(em: EntityManager, userId: string): Promise<string> {
    const password = temporaryPassword();
    await this.repo.setPassword(em, userId, await hashPassword(password), true);
    await this.repo.revokeAllRefreshTokens(em, userId);
    this.sessions.forget(userId);
    return password;
  }

  /** The hash of a new account's temporary password (the account is created by the staff module). */
  async newTemporary(): Promise<{ password: string; hash: string }> {
    const password = temporaryPassword();
    return { password, hash: await hashPassword(password) };
  }

  /**
   * In the caller's transaction: every session of the account ends — access tokens by the raised session version,
   * refresh tokens revoked — so neither comes back if the account is reactivated or its old scope restored.
   */
  async endSessions(em: EntityManager, userId: string): Promise<void> {
    await this.repo.bumpSessionVersion(em, userId);
    await this.repo.revokeAllRefreshTokens(em, userId);
  }

  /** After an admin changed an account (role, jurisdictions, deactivation): this process forgets it at once. */
  forget(userId: string): void {
    this.sessions.forget(userId);
  }
}
