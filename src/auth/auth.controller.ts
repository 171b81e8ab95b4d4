import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { AuthService } from './auth.service';
import { CurrentUser, Public, Roles } from './decorators';
import {
  LoginDto,
  MeDto,
  OtpRequestDto,
  OtpRequestedDto,
  OtpVerifyDto,
  RefreshDto,
  TokenPairDto,
} from './dto/auth.dto';
import { AllowPendingPasswordChange } from './password-change.guard';
import { ROLES, type Principal } from './roles';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({
    summary: '用户名密码登录',
    description: '工作人员或劳动者以用户名（或手机号）和密码登录，返回访问令牌与刷新令牌。',
  })
  @Post('login')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.login(dto.username, dto.password, ip);
  }

  @ApiOperation({
    summary: '刷新令牌',
    description: '以刷新令牌换取新的令牌对；刷新令牌只能使用一次，重复使用将注销该会话。',
  })
  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiOperation({
    summary: '请求短信验证码',
    description: '向手机号发送登录验证码（新号码可借此注册）；同一号码有频率限制。',
  })
  @Post('otp/request')
  @Public()
  @HttpCode(202)
  // Per-IP ceiling; the per-number limits (OTP_RULES) are enforced in the service.
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOkResponse({ type: OtpRequestedDto })
  requestOtp(@Body() dto: OtpRequestDto): Promise<OtpRequestedDto> {
    return this.auth.requestOtp(dto.phone);
  }

  @ApiOperation({ summary: '验证码登录', description: '以手机号和短信验证码登录，返回令牌对。' })
  @Post('otp/verify')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOkResponse({ type: TokenPairDto })
  verifyOtp(@Body() dto: OtpVerifyDto): Promise<TokenPairDto> {
    return this.auth.verifyOtp(dto.phone, dto.code);
  }

  @ApiOperation({ summary: '当前用户', description: '当前登录用户的角色、管辖范围和所属机构。' })
  @Get('me')
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: Principal): MeDto {
    const { userId, role, jurisdictions, organisationId, passwordChangeRequired } = user;
    return { userId, role, jurisdictions, organisationId, passwordChangeRequired: !!passwordChangeRequired };
  }
}
