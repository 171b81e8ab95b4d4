import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { DashboardSessionController } from './dashboard-session.controller';
import { JwtAuthGuard, RolesGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { OtpService } from './otp.service';
import { TokensService } from './tokens.service';
import { UsersService } from './users.service';
import { CredentialsService } from './credentials.service';
import { PasswordChangeGuard } from './password-change.guard';
import { SessionController } from './session.controller';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';

@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'], issuer: config.jwt.issuer, audience: config.jwt.audience },
      }),
    }),
  ],
  controllers: [AuthController, SessionController, DashboardSessionController],
  providers: [
    AuthService,
    AuthRepository,
    TokensService,
    OtpService,
    UsersService,
    JwtStrategy,
    SessionRepository,
    SessionService,
    CredentialsService,
    // Order matters: authenticate, then check roles, then a pending password change. All apply to every route.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: PasswordChangeGuard },
  ],
  exports: [UsersService, CredentialsService],
})
export class AuthModule {}
