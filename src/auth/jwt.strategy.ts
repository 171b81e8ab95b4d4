import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Principal, Role } from './roles';
import { SessionService } from './session.service';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  jur: string[];
  org: string | null;
  typ: 'access';
  /** The account's session version when issued (a password change or reset raises it). */
  sv: number;
  /** The refresh family issued with it (logout revokes both). */
  fam: string;
}

/** Bearer access tokens: HS256 only (alg pinned: `none` and others are rejected), exp/iss/aud checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries createPublicKey on it, which throws
      // and was a third of the API's CPU per authenticated request (profiled under 16 concurrent clients).
      // passport-jwt hands it to jsonwebtoken.verify unchanged; its typings only name string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret)) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  /**
   * The token is checked against the account on every request (cached ≤ 1 s): a deactivated account, a
   * revoked token, an older session version or a token without `exp` is refused; role and jurisdictions come
   * from the account, so a change takes effect on the next request.
   */
  async validate(claims: AccessTokenClaims & { exp?: number; jti?: string }): Promise<Principal | false> {
    if (claims.typ !== 'access') return false;
    return (await this.sessions.principalOf(claims)) ?? false;
  }
}
