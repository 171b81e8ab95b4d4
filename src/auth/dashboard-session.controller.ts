import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { clearDashboardCookie, dashboardCookie, dashboardTokenOf } from './dashboard-cookie';
import { CurrentUser, Public, Roles } from './decorators';
import { LoginDto } from './dto/auth.dto';
import { DashboardSessionDto } from './dto/dashboard-session.dto';
import { AllowPendingPasswordChange } from './password-change.guard';
import { ROLES, STAFF_ROLES, type Principal } from './roles';
import { SessionService } from './session.service';
import type { TokenPair } from './tokens.service';

/**
 * The dashboard page's session (public/dashboard): the same login and rotating refresh tokens as /auth/login and
 * /auth/refresh, but the refresh token is set as an HttpOnly, SameSite=Strict cookie scoped to these routes
 * (dashboard-cookie.ts) instead of being returned, so a reload keeps the user signed in while no script can read
 * the token. The access token stays in the page's memory.
 */
@ApiTags('auth')
@Controller('api/v1/auth/dashboard')
export class DashboardSessionController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @ApiOperation({
    summary: '看板登录',
    description:
      '结案率看板的登录：返回访问令牌，刷新令牌以 HttpOnly、SameSite=Strict 的 Cookie 保存（页面脚本读不到）。',
  })
  @Post('login')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOkResponse({ type: DashboardSessionDto, description: 'Sets the refresh-token cookie' })
  @ApiForbiddenResponse({ description: 'Not a staff account (ROLE_NOT_ALLOWED): workers sign in to the app' })
  async login(
    @Body() dto: LoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DashboardSessionDto> {
    // The dashboard is the staff's (its data is STAFF_ROLES'): a worker signs in to the app instead.
    return this.keep(await this.auth.login(dto.username, dto.password, req.ip, STAFF_ROLES), req, reply);
  }

  /** A new access token from the cookie's refresh token, which rotates (a reused one ends the session). */
  @ApiOperation({
    summary: '看板刷新令牌',
    description:
      '以 Cookie 中的刷新令牌换取新的访问令牌，刷新令牌随之更换；重复使用的刷新令牌将结束会话并清除 Cookie。',
  })
  @Post('refresh')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @ApiOkResponse({ type: DashboardSessionDto, description: 'Sets the rotated refresh-token cookie' })
  @ApiUnauthorizedResponse({ description: 'No valid session cookie; the cookie is cleared' })
  async refresh(
    @Headers('cookie') cookie: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DashboardSessionDto> {
    const token = dashboardTokenOf(cookie);
    try {
      if (!token)
        throw AppException.unauthorized('INVALID_REFRESH_TOKEN', 'No dashboard session; sign in again');
      return this.keep(await this.auth.refresh(token), req, reply);
    } catch (err) {
      void reply.header('Set-Cookie', clearDashboardCookie(this.secure(req)));
      throw err;
    }
  }

  /** Ends the session: the access token and its refresh family are revoked, the cookie cleared. */
  @ApiOperation({
    summary: '看板退出登录',
    description: '结束看板会话：访问令牌及其刷新令牌失效，Cookie 被清除。',
  })
  @Post('logout')
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; the cookie is cleared' })
  async logout(
    @CurrentUser() user: Principal,
    @Headers('cookie') cookie: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.logout(user, dashboardTokenOf(cookie)?.split('.')[0]);
    void reply.header('Set-Cookie', clearDashboardCookie(this.secure(req)));
  }

  private keep(pair: TokenPair, req: FastifyRequest, reply: FastifyReply): DashboardSessionDto {
    const { refreshToken, ...access } = pair;
    void reply.header(
      'Set-Cookie',
      dashboardCookie(refreshToken, {
        maxAgeSeconds: this.config.jwt.refreshTtlSeconds,
        secure: this.secure(req),
      }),
    );
    void reply.header('Cache-Control', 'no-store');
    return access;
  }

  /** Secure over HTTPS (as Fastify sees it, behind a trusted proxy too) and always in production. */
  private secure(req: FastifyRequest): boolean {
    return this.config.nodeEnv === 'production' || req.protocol === 'https';
  }
}
