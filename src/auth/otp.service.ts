import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { PiiCipher } from '../common/pii-crypto';
import { AuthRepository } from './auth.repository';

/** Limits for SMS sign-in codes. */
export const OTP_RULES = {
  /** at most one code per phone per minute */
  minIntervalSeconds: 60,
  /** and at most five per phone per hour */
  maxPerHour: 5,
  /** wrong guesses before a code is dead */
  maxAttempts: 5,
} as const;

/** One-time SMS codes: 6 digits, single use, expiring (≤ 10 minutes), stored as an HMAC only. */
@Injectable()
export class OtpService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuthRepository,
    private readonly pii: PiiCipher,
  ) {}

  private digest(phone: string, code: string): string {
    return createHmac('sha256', this.config.jwt.secret).update(`${phone}:${code}`).digest('hex');
  }

  /** Creates a code for the phone, or throws OTP_RATE_LIMITED. Returns the plain code for the SMS only. */
  async create(em: EntityManager, phone: string): Promise<string> {
    // Serialise requests for one phone so two parallel requests cannot both pass the limits.
    const phoneBidx = this.pii.blindIndex('phone', phone);
    await this.repo.lockPhone(em, phoneBidx);
    const stats = await this.repo.otpStats(em, phoneBidx);
    if (stats.secondsSinceLast < OTP_RULES.minIntervalSeconds || stats.lastHour >= OTP_RULES.maxPerHour) {
      const retry =
        stats.lastHour >= OTP_RULES.maxPerHour
          ? 3600
          : Math.ceil(OTP_RULES.minIntervalSeconds - stats.secondsSinceLast);
      throw AppException.tooManyRequests(
        'OTP_RATE_LIMITED',
        'Too many codes requested for this number; wait before asking again',
        retry,
      );
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.repo.insertOtp(em, {
      id: newId(),
      phoneBidx,
      codeHash: this.digest(phone, code),
      expiresAt: new Date(Date.now() + this.config.otpTtlSeconds * 1000),
    });
    return code;
  }

  /** Consumes the newest live code of the phone if `code` matches; throws INVALID_OTP otherwise. */
  async verify(em: EntityManager, phone: string, code: string): Promise<void> {
    const invalid = AppException.unauthorized('INVALID_OTP', 'The code is wrong, used or expired');
    const row = await this.repo.newestLiveOtp(em, this.pii.blindIndex('phone', phone));
    if (!row || row.attempts >= OTP_RULES.maxAttempts) throw invalid;
    const a = Buffer.from(row.codeHash, 'hex');
    const b = Buffer.from(this.digest(phone, code), 'hex');
    if (!timingSafeEqual(a, b)) {
      await this.repo.countOtpAttempt(em, row.id);
      throw invalid;
    }
    await this.repo.consumeOtp(em, row.id);
  }
}
