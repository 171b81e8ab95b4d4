import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppException, fieldError } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { newId } from '../common/ids';
import { PermanentSmsError, SMS_SENDER, smsMessage, type SmsSender } from '../notifications/sms-sender';
import { OtpService } from './otp.service';
import { ROLES, type Role } from './roles';
import { SessionService } from './session.service';
import { verifyPassword } from './passwords';
import { TokensService, type TokenPair } from './tokens.service';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly otp: OtpService,
    private readonly sessions: SessionService,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  /** `clientIp`: the caller's address as Fastify derives it (the socket's, or X-Forwarded-For's with TRUST_PROXY). */
  /**
   * `roles`: who may sign in here (the dashboard: staff only); another role with the right password is refused
   * without a session, and the attempt does not count as a failure.
   */
  async login(
    username: string,
    password: string,
    clientIp: string,
    roles: readonly Role[] = ROLES,
  ): Promise<TokenPair> {
    const key = this.users.throttleKey(username);
    const client = this.users.clientKey(clientIp);
    await this.sessions.assertLoginAllowed(this.tx.manager, key, client);
    const user = await this.users.findForLogin(this.tx.manager, username);
    const ok = await verifyPassword(user?.active ? user.passwordHash : null, password);
    if (!user || !ok) {
      await this.sessions.loginFailed(this.tx.manager, key, client);
      throw AppException.unauthorized('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    if (!roles.includes(user.role))
      throw AppException.forbidden('ROLE_NOT_ALLOWED', 'Your role may not sign in here');
    return this.tx.run(async (em) => {
      await this.sessions.loginSucceeded(em, key, client);
      return this.tokens.issue(em, user);
    });
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    // The reuse check must commit its revocation even though the call fails, so it runs in its own transaction.
    let reused: AppException | undefined;
    const pair = await this.tx.run(async (em) => {
      try {
        const row = await this.tokens.consume(em, refreshToken);
        const user = await this.users.findById(em, row.userId);
        if (!user?.active)
          throw AppException.unauthorized('INVALID_REFRESH_TOKEN', 'The refresh token is invalid or expired');
        return await this.tokens.issue(em, user, row.familyId);
      } catch (err) {
        if (err instanceof AppException && err.code === 'REFRESH_TOKEN_REUSED') {
          reused = err;
          return undefined;
        }
        throw err;
      }
    });
    if (reused || !pair) throw reused ?? AppException.unauthorized();
    return pair;
  }

  async requestOtp(phone: string): Promise<{ expiresIn: number }> {
    const code = await this.tx.run((em) => this.otp.create(em, phone));
    const minutes = String(Math.max(1, Math.floor(this.config.otpTtlSeconds / 60)));
    try {
      await this.sms.send(smsMessage(newId(), phone, 'OTP_SIGN_IN', { code, minutes }));
    } catch (err) {
      // The gateway refuses this number for good (invalid, blacklisted): the caller's input, a field error.
      if (err instanceof PermanentSmsError)
        throw AppException.validation([
          fieldError(
            'phone',
            'deliverable',
            '短信无法发送到该号码',
            'the SMS gateway cannot deliver to this number',
          ),
        ]);
      // Any other gateway failure is transient: 503 with Retry-After, never a 500.
      throw new AppException(
        503,
        'SERVICE_UNAVAILABLE',
        'The SMS gateway is unavailable; try again shortly',
        {
          retryAfterSeconds: 30,
        },
      );
    }
    return { expiresIn: this.config.otpTtlSeconds };
  }

  async verifyOtp(phone: string, code: string): Promise<TokenPair> {
    let failed: AppException | undefined;
    const pair = await this.tx.run(async (em) => {
      try {
        await this.otp.verify(em, phone, code);
      } catch (err) {
        // Keep the attempt counter: commit, then fail.
        if (err instanceof AppException) {
          failed = err;
          return undefined;
        }
        throw err;
      }
      const user = await this.users.findOrCreateWorker(em, phone);
      if (!user.active || user.role !== 'WORKER')
        throw AppException.unauthorized('INVALID_OTP', 'The code is wrong, used or expired');
      await this.users.workerSignedIn(em, user);
      return this.tokens.issue(em, user);
    });
    if (failed || !pair) throw failed ?? AppException.unauthorized();
    return pair;
  }
}
