import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { CredentialsService } from './credentials.service';
import { CurrentUser, Roles } from './decorators';
import { TokenPairDto } from './dto/auth.dto';
import { ChangePasswordDto, LogoutDto } from './dto/session.dto';
import { AllowPendingPasswordChange } from './password-change.guard';
import { ROLES, type Principal } from './roles';
import { SessionService } from './session.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/auth')
export class SessionController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionService,
  ) {}

  @ApiOperation({ summary: '修改密码', description: '修改本人密码；使用临时密码登录后须先调用此接口。' })
  @Post('password')
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOkResponse({
    type: TokenPairDto,
    description: 'A fresh token pair; every other session of the account ends',
  })
  changePassword(@CurrentUser() user: Principal, @Body() dto: ChangePasswordDto): Promise<TokenPairDto> {
    return this.credentials.change(user, dto.currentPassword, dto.newPassword);
  }

  @ApiOperation({ summary: '退出登录', description: '结束当前会话（访问令牌与刷新令牌均失效）。' })
  @Post('logout')
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The access token and its refresh family are revoked' })
  async logout(@CurrentUser() user: Principal, @Body() dto: LogoutDto): Promise<void> {
    await this.sessions.logout(user, dto.refreshToken?.split('.')[0]);
  }
}
