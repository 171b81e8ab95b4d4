import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, xactLock } from '../database/locks';
import { findRow } from '../database/entity-rows';
import { newId } from '../common/ids';
import { OtpCode } from './entities/otp-code.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { User } from './entities/user.entity';
import { workerUsername } from './login-names';
import type { Role } from './roles';
import { prepared } from '../database/prepared-statements';
import { keyArray } from '../database/key-lists';

/** How other modules name an account (the staff directory): never a phone number or a password. */
export interface AccountSummary {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
  organisationId: string | null;
}

/** All SQL of the auth module: users, refresh tokens, SMS codes. */
@Injectable()
export class AuthRepository {
  findUserByUsername(em: EntityManager, username: string): Promise<User | null> {
    return em.findOne(User, { where: { username } });
  }

  /** Active users of a role whose jurisdiction scope covers the street, oldest account first. */
  staffCovering(em: EntityManager, role: string, streetCode: string): Promise<{ id: string }[]> {
    return em.query<{ id: string }[]>(
      `SELECT u.id FROM users u
        WHERE u.role = $1 AND u.active
          AND EXISTS (SELECT 1 FROM unnest(u.jurisdiction_codes) j WHERE j ~ '^\\d{2,12}$' AND $2 LIKE j || '%')
        ORDER BY u.created_at, u.id`,
      [role, streetCode],
    );
  }

  /** Active users of a role in an organisation, optionally only those whose scope covers a street. */
  staffOfOrganisation(
    em: EntityManager,
    role: string,
    organisationId: string,
    streetCode: string | null,
  ): Promise<{ id: string }[]> {
    return em.query<{ id: string }[]>(
      `SELECT u.id FROM users u
        WHERE u.role = $1 AND u.active AND u.organisation_id = $2
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM unnest(u.jurisdiction_codes) j
                                            WHERE j ~ '^\\d{2,12}$' AND $3 LIKE j || '%'))
        ORDER BY u.created_at, u.id`,
      [role, organisationId, streetCode],
    );
  }

  activeOfRole(em: EntityManager, role: string): Promise<{ id: string; jurisdictions: string[] }[]> {
    return em.query(
      `SELECT id, jurisdiction_codes AS jurisdictions FROM users WHERE role = $1 AND active ORDER BY id`,
      [role],
    );
  }

  /** The names, roles and organisations of a batch of accounts (unknown ids left out). */
  accountsByIds(em: EntityManager, ids: readonly string[]): Promise<AccountSummary[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const k = keyArray('uuid', ids);
    return em.query<AccountSummary[]>(
      prepared(`SELECT id, username, display_name AS "displayName", role, organisation_id AS "organisationId"
         FROM users WHERE id = ANY(${k.sql})`),
      k.params,
    );
  }

  findUserById(em: EntityManager, id: string): Promise<User | null> {
    return findRow(em, User, 'id = $1', [id]);
  }

  findUserByLoginPhone(em: EntityManager, loginPhoneBidx: string): Promise<User | null> {
    return em.findOne(User, { where: { loginPhoneBidx } });
  }

  /** The worker account of a mobile number (by its blind index); concurrent first sign-ins converge on one row. */
  async findOrCreateWorker(
    em: EntityManager,
    phone: { loginPhoneEnc: string; loginPhoneBidx: string },
  ): Promise<User> {
    const id = newId();
    await em.query(
      `INSERT INTO users (id, username, role, jurisdiction_codes, login_phone_enc, login_phone_bidx)
       VALUES ($1, $2, 'WORKER', '{}', $3, $4) ON CONFLICT (login_phone_bidx) DO NOTHING`,
      [id, workerUsername(id), phone.loginPhoneEnc, phone.loginPhoneBidx],
    );
    return em.findOneOrFail(User, { where: { loginPhoneBidx: phone.loginPhoneBidx } });
  }

  async insertRefreshToken(
    em: EntityManager,
    row: Omit<RefreshToken, 'createdAt' | 'usedAt' | 'revokedAt' | 'user'>,
  ): Promise<void> {
    await em.insert(RefreshToken, row);
  }

  lockRefreshToken(em: EntityManager, id: string): Promise<RefreshToken | null> {
    return em.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markRefreshTokenUsed(em: EntityManager, id: string): Promise<void> {
    await em.update(RefreshToken, { id }, { usedAt: new Date() });
  }

  async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
  }

  /** Serialises code requests for one phone (by its blind index) until the transaction ends. */
  async lockPhone(em: EntityManager, phoneBidx: string): Promise<void> {
    await xactLock(em, LOCKS.otpPhone, phoneBidx);
  }

  /** Codes sent to the phone (by its blind index) in the last hour, and seconds since the newest one. */
  async otpStats(
    em: EntityManager,
    phoneBidx: string,
  ): Promise<{ lastHour: number; secondsSinceLast: number }> {
    const [row] = await em.query<{ last_hour: number; since_last: number }[]>(
      `SELECT count(*)::int AS last_hour,
              COALESCE(EXTRACT(EPOCH FROM now() - max(created_at)), 1e9)::float AS since_last
         FROM otp_codes WHERE phone_bidx = $1 AND created_at > now() - interval '1 hour'`,
      [phoneBidx],
    );
    return { lastHour: row.last_hour, secondsSinceLast: row.since_last };
  }

  async insertOtp(
    em: EntityManager,
    row: Pick<OtpCode, 'id' | 'phoneBidx' | 'codeHash' | 'expiresAt'>,
  ): Promise<void> {
    await em.insert(OtpCode, row);
  }

  /** The newest unexpired, unconsumed code of the phone (by its blind index), locked. */
  newestLiveOtp(em: EntityManager, phoneBidx: string): Promise<OtpCode | null> {
    return em
      .createQueryBuilder(OtpCode, 'o')
      .setLock('pessimistic_write')
      .where('o.phone_bidx = :phoneBidx AND o.consumed_at IS NULL AND o.expires_at > now()', { phoneBidx })
      .orderBy('o.created_at', 'DESC')
      .getOne();
  }

  async countOtpAttempt(em: EntityManager, id: string): Promise<void> {
    await em.increment(OtpCode, { id }, 'attempts', 1);
  }

  async consumeOtp(em: EntityManager, id: string): Promise<void> {
    await em.update(OtpCode, { id }, { consumedAt: new Date() });
  }
}
