import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException } from '../common/errors/app-exception';
import { PUBLIC_ROUTE } from './decorators';
import type { Principal } from './roles';

const ALLOW_PENDING_PASSWORD = 'auth:allow-pending-password-change';

/** The route stays open to an account that must still replace its temporary password (password change, logout). */
export const AllowPendingPasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOW_PENDING_PASSWORD, true);

/** An account with a temporary password may do nothing but change it (403 PASSWORD_CHANGE_REQUIRED). */
@Injectable()
export class PasswordChangeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const user = ctx.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!user?.passwordChangeRequired) return true;
    if (this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD, targets)) return true;
    throw AppException.forbidden(
      'PASSWORD_CHANGE_REQUIRED',
      'Change your temporary password first (POST /api/v1/auth/password)',
    );
  }
}
