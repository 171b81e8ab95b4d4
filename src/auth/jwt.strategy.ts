import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Principal, Role } from './roles';
import { SessionService } from './session.service';
import { VerifiedTokens } from './verified-tokens';

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

type Claims = AccessTokenClaims & { exp?: number; jti?: string };

const bearer = ExtractJwt.fromAuthHeaderAsBearerToken();

/** What passport hands a strategy (typed as express's; under Fastify the adapter's request, with its headers). */
type AuthRequest = Parameters<Strategy['authenticate']>[0];

/**
 * Bearer access tokens: HS256 only (alg pinned: `none` and others are rejected), exp/iss/aud checked. A token that
 * passed those checks is kept until it expires (`VerifiedTokens`), so the next request with it skips them; the account
 * behind it is checked on every request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly verified = new VerifiedTokens<Claims>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionService,
  ) {
    super({
      jwtFromRequest: bearer,
      // validate(req, claims): to keep the token jsonwebtoken has just verified.
      passReqToCallback: true,
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
  async validate(req: AuthRequest, claims: Claims): Promise<Principal | false> {
    const token = bearer(req);
    if (token && claims.typ === 'access') this.verified.keep(token, claims);
    return this.principal(claims);
  }

  /**
   * passport's entry (called on a per-request copy of the strategy that has passport's `success`, `fail` and
   * `error`): a kept token's claims go straight to the account's check; any other token through passport-jwt's.
   */
  override authenticate(req: AuthRequest, options?: unknown): void {
    const token = bearer(req);
    const claims = token ? this.verified.get(token) : undefined;
    if (!claims) return super.authenticate(req, options);
    this.principal(claims).then(
      (user) => (user ? this.success(user) : this.fail(401)),
      (err: unknown) => this.error(err as Error),
    );
  }

  private async principal(claims: Claims): Promise<Principal | false> {
    if (claims.typ !== 'access') return false;
    return (await this.sessions.principalOf(claims)) ?? false;
  }
}
