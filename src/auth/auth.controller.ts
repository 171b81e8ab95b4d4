import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

  @Post('login')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() dto: LoginDto): Promise<TokenPairDto> {
    return this.auth.login(dto.username, dto.password);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('otp/request')
  @Public()
  @HttpCode(202)
  // Per-IP ceiling; the per-number limits (OTP_RULES) are enforced in the service.
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOkResponse({ type: OtpRequestedDto })
  requestOtp(@Body() dto: OtpRequestDto): Promise<OtpRequestedDto> {
    return this.auth.requestOtp(dto.phone);
  }

  @Post('otp/verify')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOkResponse({ type: TokenPairDto })
  verifyOtp(@Body() dto: OtpVerifyDto): Promise<TokenPairDto> {
    return this.auth.verifyOtp(dto.phone, dto.code);
  }

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
