import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import { UUID_PATTERN } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { ROLES, type Principal } from './roles';
import { SessionRepository, type FailureCount } from './session.repository';

/** How long one request's view of an account may be reused (the issue allows ≤ 1 s). */
export const SESSION_CACHE_MS = 1000;

/**
 * Sign-in throttle (platform security rule, no statute): 10 failures of an account from one client address lock
 * that address out of it for the window; 100 from all addresses lock the account, so whoever guesses from one
 * address cannot keep a mediator out of their own. The route's @Throttle bounds each address over all accounts.
 */
export const LOGIN_THROTTLE = { maxFailures: 10, maxAccountFailures: 100, windowSeconds: 15 * 60 } as const;

/** Pure: the seconds to wait before the next sign-in, or null when it may go ahead. */
export function loginRetryAfter(recent: { account: FailureCount; client: FailureCount }): number | null {
  if (recent.client.failures >= LOGIN_THROTTLE.maxFailures) return recent.client.retryAfter;
  if (recent.account.failures >= LOGIN_THROTTLE.maxAccountFailures) return recent.account.retryAfter;
  return null;
}

/** The claims of an access token this service needs (see TokensService.issue). */
export interface SessionClaims {
  sub: string;
  jti?: string;
  exp?: number;
  sv?: number;
  fam?: string;
}

type Cached = { until: number; principal: Principal | null };

/**
 * Sessions: every authenticated request is checked against the account (active, session version, not revoked)
 * and takes its role and jurisdictions from the account, not the token, so a deactivation, a role or a
 * jurisdiction change takes effect on the next request. Results are cached per token for at most 1 s.
 */
@Injectable()
export class SessionService {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: SessionRepository,
  ) {}

  /** The principal of a verified access token, or null when it must be refused. */
  async principalOf(claims: SessionClaims, now = Date.now()): Promise<Principal | null> {
    // A token without an expiry, an id or a valid subject is never accepted.
    if (typeof claims.exp !== 'number' || !claims.jti || !UUID_PATTERN.test(claims.jti)) return null;
    if (typeof claims.sub !== 'string' || !UUID_PATTERN.test(claims.sub)) return null;
    const key = `${claims.sub}:${claims.jti}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.principal;
    const state = await this.repo.state(this.tx.manager, claims.sub, claims.jti);
    const principal: Principal | null =
      state &&
      state.active &&
      !state.revoked &&
      ROLES.includes(state.role) &&
      state.session_version === (claims.sv ?? 0)
        ? {
            userId: claims.sub,
            role: state.role,
            jurisdictions: state.jurisdictions,
            organisationId: state.organisation_id,
            passwordChangeRequired: state.password_change_required,
            tokenId: claims.jti,
            tokenExpiresAt: claims.exp,
            familyId: claims.fam,
          }
        : null;
    this.remember(key, principal, now);
    return principal;
  }

  private remember(key: string, principal: Principal | null, now: number): void {
    if (this.cache.size >= 10_000) for (const [k, v] of this.cache) if (v.until <= now) this.cache.delete(k);
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(key, { until: now + SESSION_CACHE_MS, principal });
  }

  /** Drops this process's cached view of an account (after a change made here: no 1 s grace). */
  forget(userId: string): void {
    for (const k of this.cache.keys()) if (k.startsWith(`${userId}:`)) this.cache.delete(k);
  }

  /** Logout: the access token and its refresh family (and a presented refresh token's family) at once. */
  async logout(principal: Principal, refreshTokenId?: string): Promise<void> {
    await this.tx.run(async (em) => {
      if (principal.tokenId && principal.tokenExpiresAt)
        await this.repo.revokeAccessToken(
          em,
          principal.tokenId,
          principal.userId,
          new Date(principal.tokenExpiresAt * 1000),
        );
      if (principal.familyId && UUID_PATTERN.test(principal.familyId))
        await this.repo.revokeFamilyOf(em, principal.userId, principal.familyId);
      if (refreshTokenId && UUID_PATTERN.test(refreshTokenId))
        await this.repo.revokeFamilyOfToken(em, principal.userId, refreshTokenId);
    });
    this.forget(principal.userId);
  }

  /** Refuses a sign-in of a username that failed too often lately from this client, or from all (429). */
  async assertLoginAllowed(em: EntityManager, username: string, clientKey: string): Promise<void> {
    const recent = await this.repo.recentFailures(em, username, clientKey, LOGIN_THROTTLE.windowSeconds);
    const retryAfter = loginRetryAfter(recent);
    if (retryAfter !== null)
      throw AppException.tooManyRequests(
        'LOGIN_THROTTLED',
        'Too many failed sign-ins for this account; try again later',
        retryAfter,
      );
  }

  async loginFailed(em: EntityManager, username: string, clientKey: string): Promise<void> {
    await this.repo.recordFailure(em, username, clientKey, LOGIN_THROTTLE.windowSeconds);
  }

  /**
   * A sign-in that succeeded forgets its own address's failures only: wiping the others' would hand whoever guesses
   * from other addresses a fresh allowance each time the owner signs in.
   */
  async loginSucceeded(em: EntityManager, username: string, clientKey: string): Promise<void> {
    await this.repo.clearFailures(em, username, clientKey);
  }
}
