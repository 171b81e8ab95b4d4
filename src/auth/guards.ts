import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppException } from '../common/errors/app-exception';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './decorators';
import type { Principal, Role } from './roles';
import { isConnectionError } from '../common/errors/unavailable';

function meta<T>(reflector: Reflector, key: string, ctx: ExecutionContext): T | undefined {
  return reflector.getAllAndOverride<T>(key, [ctx.getHandler(), ctx.getClass()]);
}

/** Authenticates every request except @Public routes. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    if (meta<boolean>(this.reflector, PUBLIC_ROUTE, ctx)) return true;
    return super.canActivate(ctx);
  }

  override handleRequest<TUser = Principal>(err: unknown, user: TUser | false): TUser {
    // The account could not be read (the database is away): 503, not a 401 that would sign the client out. No
    // `instanceof Error`: an error made by Node's own modules is of another realm where the code runs in a VM
    // context (as under Jest), and the check added nothing isConnectionError does not.
    if (isConnectionError(err)) throw err;
    if (err || !user) throw AppException.unauthorized('UNAUTHENTICATED', 'A valid access token is required');
    return user;
  }
}

/** Deny by default: a route must name its roles (or be @Public). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (meta<boolean>(this.reflector, PUBLIC_ROUTE, ctx)) return true;
    const roles = meta<Role[]>(this.reflector, ROUTE_ROLES, ctx);
    if (!roles || roles.length === 0)
      throw AppException.forbidden('ROUTE_NOT_ALLOWED', 'This route allows no role');
    const user = ctx.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!user || !roles.includes(user.role))
      throw AppException.forbidden('ROLE_NOT_ALLOWED', 'Your role may not do this');
    return true;
  }
}
