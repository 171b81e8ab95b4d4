import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import type { Role } from './roles';
import { prepared } from '../database/prepared-statements';

/** Failed sign-ins in the window, and seconds until the oldest leaves it. */
export interface FailureCount {
  failures: number;
  retryAfter: number;
}

export interface SessionStateRow {
  active: boolean;
  role: Role;
  jurisdictions: string[];
  organisation_id: string | null;
  session_version: number;
  password_change_required: boolean;
  revoked: boolean;
}

/** SQL of sessions: the per-request account check, access-token revocation, login failures, passwords. */
@Injectable()
export class SessionRepository {
  /** The account behind an access token, and whether that token was revoked: one indexed query. */
  async state(em: EntityManager, userId: string, jti: string): Promise<SessionStateRow | null> {
    const [row] = await em.query<SessionStateRow[]>(
      prepared(`SELECT u.active, u.role, u.jurisdiction_codes AS jurisdictions, u.organisation_id, u.session_version,
              u.password_change_required,
              EXISTS (SELECT 1 FROM revoked_access_tokens r WHERE r.jti = $2) AS revoked
         FROM users u WHERE u.id = $1`),
      [userId, jti],
    );
    return row ?? null;
  }

  async revokeAccessToken(em: EntityManager, jti: string, userId: string, expiresAt: Date): Promise<void> {
    await em.query(
      `INSERT INTO revoked_access_tokens (jti, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [jti, userId, expiresAt],
    );
    // Rows past their token's expiry are of no use any more.
    await em.query(`DELETE FROM revoked_access_tokens WHERE expires_at < now()`);
  }

  /** Revokes a refresh family, but only one that belongs to the user. */
  async revokeFamilyOf(em: EntityManager, userId: string, familyId: string): Promise<void> {
    await em.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [familyId, userId],
    );
  }

  /** Revokes the family of a refresh token (by its row id), if the token belongs to the user. */
  async revokeFamilyOfToken(em: EntityManager, userId: string, tokenId: string): Promise<void> {
    await em.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE id = $1 AND user_id = $2)
          AND revoked_at IS NULL`,
      [tokenId, userId],
    );
  }

  async revokeAllRefreshTokens(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
    ]);
  }

  /**
   * Failed sign-ins of the username within the window, of all clients and of this one, and for each the seconds until
   * the oldest of them leaves it.
   */
  async recentFailures(
    em: EntityManager,
    username: string,
    clientKey: string,
    windowSeconds: number,
  ): Promise<{ account: FailureCount; client: FailureCount }> {
    const [row] = await em.query<Record<string, number>[]>(
      `SELECT count(*)::int AS account,
              COALESCE(ceil(EXTRACT(EPOCH FROM min(failed_at) + make_interval(secs => $3) - now())), 0)::int
                AS account_retry,
              (count(*) FILTER (WHERE client_key = $2))::int AS client,
              COALESCE(ceil(EXTRACT(EPOCH FROM min(failed_at) FILTER (WHERE client_key = $2)
                + make_interval(secs => $3) - now())), 0)::int AS client_retry
         FROM login_failures WHERE username = $1 AND failed_at > now() - make_interval(secs => $3)`,
      [username, clientKey, windowSeconds],
    );
    return {
      account: { failures: row.account, retryAfter: Math.max(1, row.account_retry) },
      client: { failures: row.client, retryAfter: Math.max(1, row.client_retry) },
    };
  }

  async recordFailure(
    em: EntityManager,
    username: string,
    clientKey: string,
    windowSeconds: number,
  ): Promise<void> {
    await em.query(`INSERT INTO login_failures (id, username, client_key) VALUES ($1, $2, $3)`, [
      newId(),
      username,
      clientKey,
    ]);
    await em.query(
      `DELETE FROM login_failures WHERE username = $1 AND failed_at < now() - make_interval(secs => $2)`,
      [username, windowSeconds],
    );
  }

  /** Forgets the failures of one account from one client address (the others still count towards its ceiling). */
  async clearFailures(em: EntityManager, username: string, clientKey: string): Promise<void> {
    await em.query(`DELETE FROM login_failures WHERE username = $1 AND client_key = $2`, [
      username,
      clientKey,
    ]);
  }

  /** Sets a password hash, marks whether it is temporary and raises the session version (older tokens die). */
  async setPassword(em: EntityManager, userId: string, hash: string, temporary: boolean): Promise<number> {
    const [[row]] = await em.query<[{ session_version: number }[], number]>(
      `UPDATE users SET password_hash = $2, password_change_required = $3, session_version = session_version + 1
        WHERE id = $1 RETURNING session_version`,
      [userId, hash, temporary],
    );
    return row.session_version;
  }

  /** Raises the session version: every access token issued before is refused from the next request on. */
  async bumpSessionVersion(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE users SET session_version = session_version + 1 WHERE id = $1`, [userId]);
  }
}
