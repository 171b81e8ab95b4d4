import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ROLES, type Principal, type Role } from './roles';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  jur: string[];
  org: string | null;
  typ: 'access';
}

/** Bearer access tokens: HS256 only (alg pinned: `none` and others are rejected), exp/iss/aud checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
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

  validate(claims: AccessTokenClaims): Principal | false {
    if (claims.typ !== 'access' || !ROLES.includes(claims.role) || !Array.isArray(claims.jur)) return false;
    return {
      userId: claims.sub,
      role: claims.role,
      jurisdictions: claims.jur,
      organisationId: claims.org ?? null,
    };
  }
}
