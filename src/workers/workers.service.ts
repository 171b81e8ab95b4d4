import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal, Role } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { AppException } from '../common/errors/app-exception';
import { PiiCipher } from '../common/pii-crypto';
import { TransactionRunner } from '../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import type { JobName, JobPayloads } from '../queue/job-catalogue';
import type { ProfileDto } from './dto/profile.dto';
import { WorkersRepository } from './workers.repository';

/** A worker account as intake sees it: its verified phone and the identity it recorded, if any. */
export interface WorkerAccount {
  userId: string;
  /** the mobile number the account signed in with (verified by SMS code); null for a legacy non-phone username */
  phone: string | null;
  identity: { realName: string; idNumber: string } | null;
}

/**
 * A worker's identity, established: the account's SMS-verified phone and the ID number it recorded, as blind indexes
 * only (common/pii-crypto.ts), and how it was established this time (a sign-in, the profile just recorded, or staff
 * correcting it: identity-correction.service.ts).
 */
export interface EstablishedIdentity {
  userId: string;
  phoneBidx: string;
  idNumberBidx: string;
  via: 'SIGN_IN' | 'PROFILE' | 'STAFF_CORRECTION';
  /** The staff member who established it (a correction); absent: the worker herself. */
  by?: { userId: string; role: Role };
}

/** What a module does once a worker's identity is established (complaints: link those filed for them), same tx. */
export type IdentityListener = (em: EntityManager, who: EstablishedIdentity) => Promise<void>;

/**
 * Whether a worker account (its id and sign-in phone's blind index) has a case within the staff member's
 * jurisdiction (complaints: one that is the account's or names its phone, in a street of the staff member's scope).
 */
export type CaseScopeCheck = (
  em: EntityManager,
  staff: Principal,
  worker: { userId: string; phoneBidx: string },
) => Promise<boolean>;

/** Worker accounts: the phone they signed up with and the real identity they record once. */
@Injectable()
export class WorkersService implements OnModuleInit {
  private readonly identityListeners: IdentityListener[] = [];
  private readonly caseScopeChecks: CaseScopeCheck[] = [];

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: WorkersRepository,
    private readonly users: UsersService,
    private readonly pii: PiiCipher,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.users.onWorkerSignedIn(async (em, user) => {
      const identity = await this.repo.identityOf(em, user.id);
      if (identity && user.loginPhoneBidx)
        await this.identityEstablished(em, {
          userId: user.id,
          phoneBidx: user.loginPhoneBidx,
          idNumberBidx: identity.idNumberBidx,
          via: 'SIGN_IN',
        });
    });
  }

  /**
   * Registers a module that acts once a worker's identity is established: at each SMS-code sign-in of an account
   * with a recorded identity, when the identity is recorded (by an account signed up with its phone), and when staff
   * correct it.
   */
  onIdentityEstablished(listener: IdentityListener): void {
    this.identityListeners.push(listener);
  }

  /** Tells the registered modules, in the caller's transaction (this module's own uses only). */
  async identityEstablished(em: EntityManager, who: EstablishedIdentity): Promise<void> {
    for (const listener of this.identityListeners) await listener(em, who);
  }

  /** Registers a module that holds cases of workers (complaints), asked by `hasCaseWithin`. */
  onCaseScopeQuestion(check: CaseScopeCheck): void {
    this.caseScopeChecks.push(check);
  }

  /** Whether any registered module has a case of this worker within the staff member's jurisdiction (none: false). */
  async hasCaseWithin(em: EntityManager, staff: Principal, worker: { userId: string; phoneBidx: string }) {
    for (const check of this.caseScopeChecks) if (await check(em, staff, worker)) return true;
    return false;
  }

  /** The worker account of a user id (null if none or not an active worker). */
  async account(em: EntityManager, userId: string): Promise<WorkerAccount | null> {
    const user = await this.users.findById(em, userId);
    if (!user?.active || user.role !== 'WORKER') return null;
    const identity = await this.repo.identityOf(em, userId);
    return {
      userId,
      phone: this.users.loginPhone(user),
      identity: identity
        ? { realName: identity.realName, idNumber: this.pii.decrypt(identity.idNumberEnc) }
        : null,
    };
  }

  /** The active worker account signed up with this mobile number (its owner verified it by SMS code), if any. */
  async accountByPhone(em: EntityManager, phone: string): Promise<WorkerAccount | null> {
    const user = await this.users.findByPhone(em, phone);
    return user ? this.account(em, user.id) : null;
  }

  async profile(viewer: Principal): Promise<ProfileDto> {
    const a = await this.account(this.tx.manager, viewer.userId);
    if (!a) throw AppException.unauthorized();
    const row = a.identity ? await this.repo.identityOf(this.tx.manager, a.userId) : null;
    return {
      phone: a.phone ?? '',
      realName: a.identity?.realName ?? null,
      idNumber: a.identity?.idNumber ?? null,
      identityRecorded: a.identity !== null,
      recordedAt: row?.recordedAt.toISOString() ?? null,
    };
  }

  /**
   * Records the worker's real name and ID number, once: a second recording is 409 (a change goes through staff at a
   * service counter: identity-correction.service.ts).
   * The ID number is typed, not verified, so another account holding it is no bar (and the answer never tells): a
   * stranger who typed it first would otherwise lock its owner out. Linking complaints needs the phone too.
   */
  async recordIdentity(viewer: Principal, dto: { realName: string; idNumber: string }): Promise<ProfileDto> {
    await this.tx.run(async (em) => {
      const idNumberBidx = this.pii.blindIndex('id_number', dto.idNumber);
      const inserted = await this.repo.insertIdentity(em, {
        userId: viewer.userId,
        realName: dto.realName,
        idNumberEnc: this.pii.encrypt(dto.idNumber),
        idNumberBidx,
      });
      if (!inserted)
        throw AppException.conflict(
          'IDENTITY_ALREADY_RECORDED',
          'Your real name and ID number are already recorded; staff correct them at a service counter',
        );
      const user = await this.users.findById(em, viewer.userId);
      if (user?.loginPhoneBidx)
        await this.identityEstablished(em, {
          userId: user.id,
          phoneBidx: user.loginPhoneBidx,
          idNumberBidx,
          via: 'PROFILE',
        });
    });
    return this.profile(viewer);
  }

  /**
   * Job handler body: an SMS to the worker account's sign-in number, at most once per dedupKey; an account without
   * one (deactivated, or a legacy non-phone account) gets it recorded as FAILED.
   */
  async notify(p: JobPayloads[JobName.WorkerNotify]): Promise<void> {
    const a = await this.account(this.tx.manager, p.userId);
    const m = { dedupKey: p.dedupKey, template: p.template, subjectRef: p.subjectRef, params: p.params };
    if (a?.phone) await this.notifications.sendSmsOnce({ ...m, phone: a.phone, recipientUserId: a.userId });
    else
      await this.notifications.recordUndeliverable(m, {
        reason: 'NO_PHONE',
        detail: 'the worker account has no active sign-in number',
      });
  }
}
