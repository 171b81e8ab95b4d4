import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppException } from '../common/errors/app-exception';
import { newId, UUID_PATTERN } from '../common/ids';
import { AuthRepository } from './auth.repository';
import type { RefreshToken } from './entities/refresh-token.entity';
import type { User } from './entities/user.entity';
import type { AccessTokenClaims } from './jwt.strategy';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** The account has a temporary password: only POST /auth/password (and logout) will be allowed. */
  passwordChangeRequired?: boolean;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Access tokens (short-lived JWT) and rotating opaque refresh tokens ("<id>.<secret>"). */
@Injectable()
export class TokensService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly repo: AuthRepository,
  ) {}

  async issue(em: EntityManager, user: User, familyId: string = newId()): Promise<TokenPair> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      jur: user.jurisdictionCodes,
      org: user.organisationId,
      typ: 'access',
      sv: user.sessionVersion,
      fam: familyId,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      expiresIn: this.config.jwt.accessTtlSeconds,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
      jwtid: newId(),
    });
    const id = newId();
    const secret = randomBytes(32).toString('base64url');
    await this.repo.insertRefreshToken(em, {
      id,
      familyId,
      userId: user.id,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.jwt.refreshTtlSeconds * 1000),
    });
    return {
      accessToken,
      refreshToken: `${id}.${secret}`,
      tokenType: 'Bearer',
      expiresIn: this.config.jwt.accessTtlSeconds,
      ...(user.passwordChangeRequired ? { passwordChangeRequired: true } : {}),
    };
  }

  /**
   * Consumes a refresh token and returns its row (locked). A token presented a second time means it was
   * stolen or replayed: the whole family is revoked and the caller must sign in again.
   */
  async consume(em: EntityManager, presented: string): Promise<RefreshToken> {
    const invalid = () =>
      AppException.unauthorized('INVALID_REFRESH_TOKEN', 'The refresh token is invalid or expired');
    const [id, secret] = presented.split('.');
    if (!id || !secret || !UUID_PATTERN.test(id)) throw invalid();
    const row = await this.repo.lockRefreshToken(em, id);
    if (!row) throw invalid();
    const a = Buffer.from(row.tokenHash, 'hex');
    const b = Buffer.from(sha256(secret), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw invalid();
    if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) throw invalid();
    if (row.usedAt) {
      await this.repo.revokeFamily(em, row.familyId);
      throw AppException.unauthorized(
        'REFRESH_TOKEN_REUSED',
        'This refresh token was already used; sign in again',
      );
    }
    await this.repo.markRefreshTokenUsed(em, id);
    return row;
  }
}
